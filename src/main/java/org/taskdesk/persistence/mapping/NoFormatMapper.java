package org.taskdesk.persistence.mapping;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * Hibernate's JSON and XML mapper, for a mapping without JSON or XML columns. Left to itself, Hibernate builds a
 * Jackson mapper at every start because Jackson is on the classpath (for the JSON export): 374 classes and an
 * {@code ObjectMapper} on the way to the task list, for nothing (ADR 0027).
 */
final class NoFormatMapper implements FormatMapper {
    static final NoFormatMapper INSTANCE = new NoFormatMapper();

    private NoFormatMapper() {
    }

    @Override
    public <T> T fromString(CharSequence text, JavaType<T> type, WrapperOptions options) {
        throw unmapped();
    }

    @Override
    public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
        throw unmapped();
    }

    private static UnsupportedOperationException unmapped() {
        return new UnsupportedOperationException("No entity maps a JSON or XML column: map one, then choose its "
                + "format mapper in HibernateSetup");
    }
}
