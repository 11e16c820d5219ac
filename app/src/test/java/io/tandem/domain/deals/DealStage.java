package io.tandem.domain.deals;

import io.tandem.domain.DbEnum;

public enum DealStage implements DbEnum {
    OPEN("open"), WON("won"), LOST("lost");

    private final String code;

    DealStage(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter(autoApply = true)
    static class JpaConverter extends DbEnum.Converter<DealStage> {
        JpaConverter() {
            super(DealStage.class);
        }
    }
}
