package org.taskdesk.migrations;

import java.util.List;

/** The DDL that would bring one kind of database ({@code h2} or {@code postgresql}) in line with the entities. */
public record SchemaDifference(String databaseKind, List<String> statements) {

    public SchemaDifference {
        statements = List.copyOf(statements);
    }

    public boolean isEmpty() {
        return statements.isEmpty();
    }
}
