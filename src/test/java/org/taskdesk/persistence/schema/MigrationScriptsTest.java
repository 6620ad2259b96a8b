package org.taskdesk.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.testing.FreshDatabase;
import org.taskdesk.testing.TestPostgres;

class MigrationScriptsTest {
    @TempDir
    Path folder;

    private SchemaMigrator migrator(DatabaseTarget target) {
        return new SchemaMigrator(new DatabaseConnections(target), new LocalBackups(Clock.systemUTC()));
    }

    private DatabaseTarget fresh(DatabaseKind kind) {
        return new DatabaseUrl(folder, folder).parse(FreshDatabase.url(kind, folder));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyUpgradeScriptHasADowngradeScriptOutsideFlywaysLocations(DatabaseKind kind) {
        MigrationCatalog catalog = MigrationCatalog.forKind(kind);

        assertThat(catalog.scripts()).extracting(MigrationScript::version).startsWith(1, 2);
        for (MigrationScript script : catalog.scripts()) {
            assertThat(script.downgradeResource()).as("downgrade of %s", script.upgradeResource()).isNotNull()
                    .startsWith("db/downgrade/");
            assertThat(getClass().getClassLoader().getResource(script.downgradeResource())).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void upDownUpLeavesTheSameSchemaAsTheFirstUp(DatabaseKind kind) throws Exception {
        DatabaseTarget target = fresh(kind);
        SchemaMigrator migrator = migrator(target);
        int head = migrator.catalog().head();

        migrator.upgrade(0, head, StepListener.NONE);
        String first = snapshot(target);
        for (int version = head - 1; version >= 0; version--) {
            migrator.downgrade(version, StepListener.NONE);
            assertThat(migrator.applied()).extracting(AppliedMigration::version).allMatch(v -> v <= 0 || v <= head);
        }
        assertThat(snapshot(target)).as("nothing left after downgrading to base").isEmpty();
        migrator.upgrade(0, head, StepListener.NONE);

        assertThat(first).contains("users", "tasks");
        assertThat(snapshot(target)).isEqualTo(first);
    }

    /** U16 puts back exactly the push V15 made, from the copy V16 kept, and leaves U15 only its own copies. */
    @Test
    void downgradingV16RestoresV15sPushWordForWord() throws Exception {
        DatabaseTarget target = fresh(DatabaseKind.POSTGRESQL);
        SchemaMigrator migrator = migrator(target);
        String push = "SELECT pg_get_functiondef('public.taskdesk_sync_push(uuid, jsonb)'::regprocedure)";
        migrator.upgrade(0, 15, StepListener.NONE);
        List<String> atFifteen;
        try (Connection connection = new DatabaseConnections(target).open()) {
            atFifteen = rows(connection, push);
        }
        migrator.upgrade(15, 16, StepListener.NONE);
        try (Connection connection = new DatabaseConnections(target).open()) {
            assertThat(rows(connection, push)).as("V16 replaced the body").isNotEqualTo(atFifteen);
        }
        migrator.downgrade(15, StepListener.NONE);
        try (Connection connection = new DatabaseConnections(target).open()) {
            assertThat(rows(connection, push)).isEqualTo(atFifteen);
            assertThat(rows(connection, "SELECT name FROM public.sync_function_bodies WHERE name LIKE 'v16:%'")).isEmpty();
        }
    }

    @Test
    void postgresCatalogueAfterUpgrade2IsWhatTheSeedsAlembicMigrationsProduce() throws Exception {
        String url = TestPostgres.newDatabaseUrl();
        DatabaseTarget target = new DatabaseUrl(folder, folder).parse(url);
        migrator(target).upgrade(0, 2, StepListener.NONE);

        try (Connection connection = TestPostgres.connect(url)) {
            // Written from the seed: sa.Integer primary keys are SERIAL, sa.String(n) is varchar(n), sa.Text is text,
            // sa.DateTime is timestamp without time zone, server_default NOW() and 'false'.
            assertThat(rows(connection, """
                    SELECT table_name || '.' || column_name || ' ' || data_type
                           || coalesce('(' || character_maximum_length || ')', '') || ' ' || is_nullable
                           || ' ' || coalesce(column_default, '-')
                    FROM information_schema.columns WHERE table_schema = 'public'
                    AND table_name IN ('users', 'tasks') ORDER BY table_name, ordinal_position""")).containsExactly(
                    "tasks.id integer NO nextval('tasks_id_seq'::regclass)",
                    "tasks.user_id integer NO -",
                    "tasks.title character varying(200) NO -",
                    "tasks.description text YES -",
                    "tasks.completed boolean NO false",
                    "tasks.created_at timestamp without time zone NO now()",
                    "tasks.updated_at timestamp without time zone NO now()",
                    "tasks.priority character varying(10) YES -",
                    "tasks.tags text YES -",
                    "tasks.due_date timestamp without time zone YES -",
                    "tasks.recurrence_pattern character varying(50) YES -",
                    "users.id integer NO nextval('users_id_seq'::regclass)",
                    "users.email character varying(255) NO -",
                    "users.name character varying(100) NO -",
                    "users.password_hash character varying(255) NO -",
                    "users.created_at timestamp without time zone NO now()",
                    "users.updated_at timestamp without time zone NO now()");
            assertThat(rows(connection, """
                    SELECT conname || ' ' || contype::text || ' ' || conrelid::regclass
                           || coalesce(' -> ' || nullif(confrelid, 0)::regclass || ' ondelete ' || confdeltype::text, '')
                    FROM pg_constraint WHERE conrelid IN ('users'::regclass, 'tasks'::regclass) ORDER BY conname""")).containsExactly(
                    "tasks_pkey p tasks",
                    "tasks_user_id_fkey f tasks -> users ondelete c",
                    "users_email_key u users",
                    "users_pkey p users");
            assertThat(rows(connection, """
                    SELECT indexname || ' ' || indexdef FROM pg_indexes
                    WHERE schemaname = 'public' AND tablename IN ('users', 'tasks') ORDER BY indexname""")).containsExactly(
                    "idx_tasks_user_id CREATE INDEX idx_tasks_user_id ON public.tasks USING btree (user_id)",
                    "idx_users_email CREATE UNIQUE INDEX idx_users_email ON public.users USING btree (email)",
                    "tasks_pkey CREATE UNIQUE INDEX tasks_pkey ON public.tasks USING btree (id)",
                    "users_email_key CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email)",
                    "users_pkey CREATE UNIQUE INDEX users_pkey ON public.users USING btree (id)");
            assertThat(rows(connection, """
                    SELECT s.relname || ' owned by ' || t.relname || '.' || a.attname
                    FROM pg_class s JOIN pg_depend d ON d.objid = s.oid AND d.deptype = 'a'
                    JOIN pg_class t ON t.oid = d.refobjid
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
                    WHERE s.relkind = 'S' ORDER BY 1""")).containsExactly(
                    "tasks_id_seq owned by tasks.id",
                    "users_id_seq owned by users.id");
        }
    }

    private static String snapshot(DatabaseTarget target) throws Exception {
        try (Connection connection = new DatabaseConnections(target).open()) {
            return SchemaSnapshot.of(connection);
        }
    }

    private static List<String> rows(Connection connection, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
