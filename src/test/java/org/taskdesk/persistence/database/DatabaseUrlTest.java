package org.taskdesk.persistence.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

class DatabaseUrlTest {
    private final DatabaseUrl urls = new DatabaseUrl(Path.of("/work/dir"), Path.of("/home/ann"));

    @Test
    void hostedPostgresUrlBecomesJdbcWithTheLoginKeptApart() {
        DatabaseTarget target = urls.parse(
                "postgresql://neondb_owner:npg_Xy%2F9%40z@ep-cool-1.eu-central-1.aws.neon.tech/neondb"
                        + "?sslmode=require&channel_binding=require");

        assertThat(target.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://ep-cool-1.eu-central-1.aws.neon.tech/neondb"
                + "?sslmode=require&channelBinding=require");
        assertThat(target.user()).isEqualTo("neondb_owner");
        assertThat(target.password()).isEqualTo("npg_Xy/9@z");
        assertThat(target.displayName()).isEqualTo("postgresql://neondb_owner@ep-cool-1.eu-central-1.aws.neon.tech/neondb");
        assertThat(target.toString()).doesNotContain("npg_Xy");
    }

    @Test
    void postgresSchemeAndPortAndPlusSignsInPasswordsAreKept() {
        DatabaseTarget target = urls.parse("postgres://bob:a+b@db.example.com:6543/tasks");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/tasks");
        assertThat(target.password()).isEqualTo("a+b");
    }

    @Test
    void jdbcPostgresUrlLosesItsPasswordParameterToTheProperties() {
        DatabaseTarget target = urls.parse("jdbc:postgresql://localhost:5432/tasks?user=ann&password=s3cret&sslmode=disable");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/tasks?sslmode=disable");
        assertThat(target.connectionProperties()).containsEntry("user", "ann").containsEntry("password", "s3cret");
        assertThat(target.displayName()).doesNotContain("s3cret");
    }

    @ParameterizedTest
    @CsvSource({
        "/data/tasks.mv.db, /data/tasks",
        "/data/tasks, /data/tasks",
        "relative/tasks, /work/dir/relative/tasks",
        "~/tasks.mv.db, /home/ann/tasks",
        "jdbc:h2:/data/tasks, /data/tasks",
        "jdbc:h2:file:/data/tasks;MODE=Regular, /data/tasks",
    })
    void filePathsAndH2UrlsNameALocalFile(String input, String base) {
        DatabaseTarget target = urls.parse(input);

        assertThat(target.kind()).isEqualTo(DatabaseKind.H2);
        assertThat(target.h2File()).contains(Path.of(base + ".mv.db"));
        assertThat(target.jdbcUrl()).startsWith("jdbc:h2:file:" + base);
    }

    @Test
    void h2PasswordIsTakenOutOfTheUrl() {
        DatabaseTarget target = urls.parse("jdbc:h2:mem:test;USER=ann;PASSWORD=pw1;DB_CLOSE_DELAY=-1");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1");
        assertThat(target.user()).isEqualTo("ann");
        assertThat(target.password()).isEqualTo("pw1");
        assertThat(target.h2File()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mysql://root:topsecret@localhost/tasks | Unsupported database URL 'mysql://root:***@localhost/tasks' (scheme 'mysql')",
        "postgresql://:topsecret@/tasks | it names no host",
        "postgresql://ann:topsecret@host:99999/tasks | the port '99999' is not a number from 1 to 65535",
        "postgresql://ann:top%ZZsecret@host/tasks | the password has a broken %-escape",
        "jdbc:postgresql://host:abc/tasks?password=topsecret | the port 'abc'",
        "'   ' | it is empty",
    })
    void malformedUrlsNameTheProblemAndNeverThePassword(String input, String expected) {
        TaskDeskException e = assertThrows(TaskDeskException.class, () -> urls.parse(input));

        assertThat(e.code()).isEqualTo(ErrorCode.BAD_CONFIGURATION);
        assertThat(e.getMessage()).contains(expected).doesNotContain("topsecret").doesNotContain("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "postgresql://ann:hunter2@host/db",
        "postgresql://ann:hun/ter@2@host/db",
        "jdbc:postgresql://host/db?user=ann&password=hunter2",
        "jdbc:h2:mem:x;PASSWORD=hunter2",
    })
    void maskHidesEveryPasswordForm(String raw) {
        assertThat(DatabaseUrl.mask(raw)).doesNotContain("hunter2").doesNotContain("hun/ter").contains("***");
    }
}
