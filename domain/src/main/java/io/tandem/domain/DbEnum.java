package io.tandem.domain;

import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum stored in the database (and written in CSV files) by a lower-case code. */
public interface DbEnum {

    String code();

    static <E extends Enum<E> & DbEnum> E fromCode(Class<E> type, String code) {
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(code)) {
                return e;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not one of " + codes(type));
    }

    static <E extends Enum<E> & DbEnum> String codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(DbEnum::code).collect(Collectors.joining(", "));
    }

    /** JPA converter base: subclasses only name the enum. */
    abstract class Converter<E extends Enum<E> & DbEnum> implements AttributeConverter<E, String> {
        private final Class<E> type;

        protected Converter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : value.code();
        }

        @Override
        public E convertToEntityAttribute(String code) {
            return code == null ? null : fromCode(type, code);
        }
    }
}
