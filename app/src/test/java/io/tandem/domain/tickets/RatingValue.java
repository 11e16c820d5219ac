package io.tandem.domain.tickets;

import io.tandem.domain.DbEnum;

public enum RatingValue implements DbEnum {
    GREAT("great"), OK("ok"), NOT_GOOD("not_good");

    private final String code;

    RatingValue(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter(autoApply = true)
    static class JpaConverter extends DbEnum.Converter<RatingValue> {
        JpaConverter() {
            super(RatingValue.class);
        }
    }
}
