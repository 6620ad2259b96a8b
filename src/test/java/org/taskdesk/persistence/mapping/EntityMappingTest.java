package org.taskdesk.persistence.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.schema.DatabaseSchemas;
import org.taskdesk.persistence.schema.MigrationCatalog;
import org.taskdesk.testing.FreshDatabase;

/** The entities and the migrations must agree, and when they do not, both checks say so. */
class EntityMappingTest {
    @TempDir
    Path folder;

    private DatabaseConnections migratedToHead(DatabaseKind kind) {
        DatabaseConnections connections = new DatabaseConnections(
                new DatabaseUrl(folder, folder).parse(FreshDatabase.url(kind, folder)));
        DatabaseSchemas.of(connections, Clock.systemUTC()).upgrade(0, MigrationCatalog.forKind(kind).head(), step -> { });
        return connections;
    }

    private static void execute(DatabaseConnections connections, String sql) throws Exception {
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void hibernateValidatesTheMigratedSchema(DatabaseKind kind) {
        try (SessionFactory factory = HibernateSetup.validated(migratedToHead(kind))) {
            assertThat(factory.getMetamodel().getEntities()).extracting(type -> type.getName())
                    .containsExactlyInAnyOrder("User", "Task", "Session", "TaskCompletion", "SavedSearch");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void hibernateStartsWithoutAJsonOrXmlMapperSinceNoColumnHoldsJsonOrXml(DatabaseKind kind) {
        try (SessionFactory factory = HibernateSetup.validated(migratedToHead(kind))) {
            // Left to itself Hibernate builds Jackson's at every start, because Jackson is on the classpath.
            assertThat(factory.getSessionFactoryOptions().getJsonFormatMapper()).isInstanceOf(NoFormatMapper.class);
            assertThat(factory.getSessionFactoryOptions().getXmlFormatMapper()).isInstanceOf(NoFormatMapper.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aMissingColumnStopsStartUpNamingTableAndColumn(DatabaseKind kind) throws Exception {
        DatabaseConnections connections = migratedToHead(kind);
        execute(connections, "ALTER TABLE tasks DROP COLUMN recurrence_pattern");

        TaskDeskException e = assertThrows(TaskDeskException.class, () -> HibernateSetup.validated(connections));

        assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH);
        assertThat(e.getMessage()).contains("recurrence_pattern").contains("tasks").contains("db upgrade head");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theDiffIsEmptyAtHeadAndNamesWhatAMigrationMissed(DatabaseKind kind) throws Exception {
        DatabaseConnections connections = migratedToHead(kind);
        assertThat(SchemaDiff.against(connections)).isEmpty();

        execute(connections, "ALTER TABLE tasks DROP COLUMN priority");

        assertThat(SchemaDiff.against(connections)).singleElement()
                .satisfies(statement -> assertThat(statement.toLowerCase()).contains("alter table", "tasks", "add column priority"));
    }
}
