package org.taskdesk.persistence.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.SessionFactory;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;

/**
 * What Hibernate would change in a database to fit the entities: the DDL of its schema "update", written to a
 * script and never run. Empty when the migrations and the entities agree. Like Alembic's autogenerate it sees
 * new tables, columns, indexes and foreign keys, and changed column types; it cannot see renames and never
 * proposes drops.
 */
public final class SchemaDiff {
    /**
     * On H2 migration 7 makes these columns twice the entities' lengths, because H2 counts UTF-16 units where the
     * entities (and PostgreSQL) count characters; Hibernate, which knows no such difference, would narrow them.
     */
    private static final Set<String> H2_COLUMNS_IN_CHARACTERS = Set.of(
            "alter table if exists tasks alter column title set data type varchar(200)",
            "alter table if exists users alter column name set data type varchar(100)",
            "alter table if exists users alter column email set data type varchar(255)");

    private SchemaDiff() {
    }

    /** The statements, without trailing semicolons; {@code connections} must point at a database at head. */
    public static List<String> against(DatabaseConnections connections) {
        Path script = null;
        try {
            script = Files.createTempFile("taskdesk-diff", ".sql");
            Map<String, String> settings = Map.of(
                    "jakarta.persistence.schema-generation.scripts.action", "update",
                    "jakarta.persistence.schema-generation.scripts.create-target", script.toString(),
                    "jakarta.persistence.schema-generation.database.action", "none",
                    "hibernate.hbm2ddl.schema-generation.script.append", "false",
                    "hibernate.hbm2ddl.delimiter", ";",
                    "hibernate.format_sql", "false",
                    // Unique constraints come from migrations; without this Hibernate would drop and re-create them.
                    "hibernate.schema_update.unique_constraint_strategy", "SKIP");
            try (SessionFactory ignored = HibernateSetup.configuration(connections, settings).buildSessionFactory()) {
                // building the factory writes the script
            }
            return Arrays.stream(Files.readString(script).split(";\\s*(\\R|$)"))
                    .map(String::strip)
                    .filter(statement -> !statement.isEmpty())
                    .filter(statement -> connections.target().kind() != DatabaseKind.H2
                            || !H2_COLUMNS_IN_CHARACTERS.contains(statement.toLowerCase(Locale.ROOT)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (script != null) {
                try {
                    Files.deleteIfExists(script);
                } catch (IOException ignored) {
                    // a temp file; the OS cleans it up
                }
            }
        }
    }
}
