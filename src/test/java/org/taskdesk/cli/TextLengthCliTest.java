package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.FreshDatabase;
import org.taskdesk.testing.TestEnvironment;

/**
 * Text limits count characters (code points) the same way in the domain and on both databases: H2 measures
 * VARCHAR(n) in UTF-16 units, where an emoji takes two, PostgreSQL in characters.
 */
class TextLengthCliTest {
    private static final String EMOJI = "\uD83D\uDE80"; // one character, two UTF-16 units

    @TempDir
    Path folder;

    private String url;

    private CliResult run(String email, String... args) {
        List<String> all = new ArrayList<>(List.of("--database-url", url));
        all.addAll(List.of(args));
        return new TaskDeskCli(TestEnvironment.in(folder, Map.of("TASKDESK_EMAIL", email,
                "TASKDESK_PASSWORD", "ann password", "TASKDESK_BCRYPT_COST", "4"))).run(all.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void emojiCountOnceUpToEachLimitOnBothDatabases(DatabaseKind kind) throws Exception {
        url = FreshDatabase.url(kind, folder);
        if (kind == DatabaseKind.POSTGRESQL) {
            assertThat(run("x@example.com", "db", "upgrade", "head").exitCode()).isZero();
        }
        String name = EMOJI.repeat(100);
        String email = EMOJI.repeat(240) + "@example.com"; // 252 characters, 492 UTF-16 units
        CliResult created = run(email, "account", "create", "--name", name);
        assertThat(created.exitCode()).as(created.err()).isZero();

        String title = EMOJI.repeat(150) + " " + "é".repeat(49); // 200 characters
        CliResult added = run(email, "tasks", "add", title);
        assertThat(added.exitCode()).as(added.err()).isZero();
        String longest = EMOJI.repeat(200);
        CliResult longestAdded = run(email, "tasks", "add", longest);
        assertThat(longestAdded.exitCode()).as(longestAdded.err()).isZero();

        var listed = new ObjectMapper().readTree(run(email, "tasks", "list", "--json", "--sort", "created").out());
        assertThat(listed.get(0).get("title").asText()).isEqualTo(title);
        assertThat(listed.get(1).get("title").asText()).isEqualTo(longest);

        CliResult tooLong = run(email, "tasks", "add", EMOJI.repeat(201));
        assertThat(tooLong.exitCode()).isEqualTo(2);
        assertThat(tooLong.err()).contains("201 characters", "200 or fewer");
        CliResult nameTooLong = run("bob@example.com", "account", "create", "--name", EMOJI.repeat(101));
        assertThat(nameTooLong.exitCode()).isEqualTo(2);
        assertThat(nameTooLong.err()).contains("101 characters");
    }
}
