package io.tandem.domain.deals;

import io.tandem.domain.DbEnum;

public enum DealType implements DbEnum {
    NEW("new"), EXPANSION("expansion"), RENEWAL("renewal");

    private final String code;

    DealType(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter(autoApply = true)
    static class JpaConverter extends DbEnum.Converter<DealType> {
        JpaConverter() {
            super(DealType.class);
        }
    }
}
