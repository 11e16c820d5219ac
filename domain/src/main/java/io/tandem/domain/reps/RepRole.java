package io.tandem.domain.reps;

import io.tandem.domain.DbEnum;

public enum RepRole implements DbEnum {
    SUPPORT("support"), SALES("sales"), SUCCESS("success"), MANAGER("manager");

    private final String code;

    RepRole(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    @jakarta.persistence.Converter(autoApply = true)
    static class JpaConverter extends DbEnum.Converter<RepRole> {
        JpaConverter() {
            super(RepRole.class);
        }
    }
}
