package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.FreshDatabase;
import org.taskdesk.testing.TestEnvironment;

/** The account and task commands as a script would use them, with two people on one database. */
class TasksCommandTest {
    @TempDir
    Path folder;

    private String url;

    private CliResult as(String email, String password, String... args) {
        List<String> all = new ArrayList<>(List.of("--database-url", url));
        all.addAll(List.of(args));
        var environment = TestEnvironment.in(folder, Map.of("TASKDESK_EMAIL", email, "TASKDESK_PASSWORD", password,
                "TASKDESK_BCRYPT_COST", "4"));
        return new TaskDeskCli(environment).run(all.toArray(String[]::new));
    }

    private CliResult ok(String email, String... args) {
        CliResult result = as(email, email.startsWith("ann") ? "ann password" : "bob password", args);
        assertThat(result.exitCode()).as("%s: %s", String.join(" ", args), result.err()).isZero();
        return result;
    }

    private void setUp(DatabaseKind kind) {
        url = FreshDatabase.url(kind, folder);
        if (kind == DatabaseKind.POSTGRESQL) {
            ok("ann@example.com", "db", "upgrade", "head");
        }
        assertThat(ok("ann@example.com", "account", "create", "--name", "Ann").out()).contains("Created the account of Ann");
        ok("bob@example.com", "account", "create", "--name", "Bob");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void twoPeopleAddAndListTasksAndEachSeesOnlyTheirOwn(DatabaseKind kind) throws Exception {
        setUp(kind);

        // "Every month" from the 29th to the 31st means that day or a shorter month's last day (issue 12, ADR 0020).
        int tomorrow = java.time.LocalDate.now().plusDays(1).getDayOfMonth();
        String everyMonth = tomorrow < 29 ? "(every month)"
                : "(every month on the " + tomorrow + "th or the last day of shorter months)";
        assertThat(ok("ann@example.com", "tasks", "add", "Pay rent tomorrow 9am #home !high every month").out())
                .startsWith("Added #").contains("Pay rent", "!high", "#home", "Tomorrow 09:00", everyMonth);
        ok("ann@example.com", "tasks", "add", "Quarterly report", "#work");
        ok("bob@example.com", "tasks", "add", "Bob's private errand #home");

        String annList = ok("ann@example.com", "tasks", "list").out();
        assertThat(annList.lines()).hasSize(2).noneMatch(line -> line.contains("Bob"));
        assertThat(ok("ann@example.com", "tasks", "list", "#home").out().lines()).hasSize(1);
        assertThat(ok("bob@example.com", "tasks", "list").out()).contains("Bob's private errand").doesNotContain("Pay rent");

        JsonNode json = new ObjectMapper().readTree(ok("ann@example.com", "tasks", "list", "--json", "--sort", "title").out());
        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("title").asText()).isEqualTo("Pay rent");
        assertThat(json.get(0).get("tags").get(0).asText()).isEqualTo("home");
        assertThat(json.get(0).get("recurrence").asText()).isEqualTo(tomorrow < 29 ? "FREQ=MONTHLY"
                : "FREQ=MONTHLY;BYMONTHDAY=" + "28,29,30,31".substring(0, 3 * (tomorrow - 28) + 2) + ";BYSETPOS=-1");
        assertThat(json.get(1).get("due").isNull()).isTrue();

        long annsId = json.get(0).get("id").asLong();
        CliResult stolen = as("bob@example.com", "bob password", "tasks", "show", String.valueOf(annsId));
        assertThat(stolen.exitCode()).isEqualTo(7);
        assertThat(stolen.err().strip()).isEqualTo("Error: There is no task #" + annsId + " in your list.");
        assertThat(as("bob@example.com", "bob password", "tasks", "rm", String.valueOf(annsId)).exitCode()).isEqualTo(7);
        assertThat(ok("ann@example.com", "tasks", "show", String.valueOf(annsId)).out()).contains("Pay rent");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void editCompleteReopenAndRemove(DatabaseKind kind) throws Exception {
        setUp(kind);
        ok("ann@example.com", "tasks", "add", "Water plants every day");
        JsonNode added = new ObjectMapper().readTree(ok("ann@example.com", "tasks", "list", "--json").out()).get(0);
        String id = added.get("id").asText();

        assertThat(ok("ann@example.com", "tasks", "edit", id, "--title", "Water the plants", "--priority", "low",
                "--tags", "home,garden", "--due", "2026-12-24 08:00").out())
                .contains("Water the plants", "!low", "#garden #home", "08:00");
        assertThat(ok("ann@example.com", "tasks", "done", id).out()).startsWith("Completed #" + id + "; next:");
        assertThat(ok("ann@example.com", "tasks", "show", id).out()).contains("status:      open", "2026-12-25 08:00");
        ok("ann@example.com", "tasks", "edit", id, "--repeat", "none");
        assertThat(ok("ann@example.com", "tasks", "done", id).out()).startsWith("Completed #" + id + " [x]");
        assertThat(ok("ann@example.com", "tasks", "list").out()).contains("No tasks match 'is:open'");
        assertThat(ok("ann@example.com", "tasks", "undone", id).out()).contains("[ ] Water the plants");
        assertThat(ok("ann@example.com", "tasks", "rm", id).out()).contains("Deleted #" + id);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void mistakesGetOneLineAndTheRightExitCode(DatabaseKind kind) {
        setUp(kind);

        CliResult wrongPassword = as("ann@example.com", "not my password", "tasks", "list");
        assertThat(wrongPassword.exitCode()).isEqualTo(8);
        assertThat(wrongPassword.err().strip()).isEqualTo("Error: Wrong email or password.");

        CliResult badFilter = as("ann@example.com", "ann password", "tasks", "list", "#work & (due:today");
        assertThat(badFilter.exitCode()).isEqualTo(2);
        assertThat(badFilter.err()).contains("position").hasLineCount(1);

        CliResult badDate = as("ann@example.com", "ann password", "tasks", "edit", "1", "--due", "someday maybe");
        assertThat(badDate.exitCode()).isNotZero();

        CliResult longPassword = as("carol@example.com", "p".repeat(73), "account", "create", "--name", "Carol");
        assertThat(longPassword.exitCode()).isEqualTo(2);
        assertThat(longPassword.err()).contains("73 bytes");

        CliResult noConfirm = as("ann@example.com", "ann password", "account", "delete");
        assertThat(noConfirm.exitCode()).isEqualTo(2);
        assertThat(noConfirm.err()).contains("--yes");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void passwdAndDeleteAccount(DatabaseKind kind) {
        setUp(kind);
        ok("ann@example.com", "tasks", "add", "Something");
        var environment = TestEnvironment.in(folder, Map.of("TASKDESK_EMAIL", "ann@example.com",
                "TASKDESK_PASSWORD", "ann password", "TASKDESK_NEW_PASSWORD", "ann's new password", "TASKDESK_BCRYPT_COST", "4"));

        CliResult passwd = new TaskDeskCli(environment).run("--database-url", url, "account", "passwd");

        assertThat(passwd.exitCode()).as(passwd.err()).isZero();
        assertThat(as("ann@example.com", "ann password", "tasks", "list").exitCode()).isEqualTo(8);
        assertThat(as("ann@example.com", "ann's new password", "account", "delete", "--yes").out())
                .contains("Deleted the account of ann@example.com");
        assertThat(as("ann@example.com", "ann's new password", "tasks", "list").exitCode()).isEqualTo(8);
    }

    @org.junit.jupiter.api.Test
    void editingTheRepeatToEveryMonthFollowsTheTasksDueDayNotToday() throws Exception {
        setUp(DatabaseKind.H2);
        ok("ann@example.com", "tasks", "add", "Pay rent 2027-01-31");
        ok("ann@example.com", "tasks", "add", "Water plants 2027-01-15");

        ok("ann@example.com", "tasks", "edit", "1", "--repeat", "every month");
        ok("ann@example.com", "tasks", "edit", "2", "--repeat", "every month");

        JsonNode json = new ObjectMapper().readTree(ok("ann@example.com", "tasks", "list", "--json", "--sort", "title").out());
        assertThat(json.get(0).get("title").asText()).isEqualTo("Pay rent");
        assertThat(json.get(0).get("recurrence").asText()).isEqualTo("FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1");
        assertThat(json.get(1).get("recurrence").asText()).isEqualTo("FREQ=MONTHLY");
    }

    /** Ann's commands with no password in the environment: only a remembered session can sign her in. */
    private CliResult withoutPassword(String... args) {
        List<String> all = new ArrayList<>(List.of("--database-url", url));
        all.addAll(List.of(args));
        var environment = TestEnvironment.in(folder, Map.of("TASKDESK_EMAIL", "ann@example.com",
                "TASKDESK_BCRYPT_COST", "4"));
        return new TaskDeskCli(environment).run(all.toArray(String[]::new));
    }

    @Test
    void loginLetsLaterCommandsRunWithoutAPasswordUntilLogout() {
        setUp(DatabaseKind.H2);
        assertThat(withoutPassword("tasks", "list").err()).contains("No password");

        assertThat(ok("ann@example.com", "login").out()).startsWith("Signed in as ann@example.com on ");
        assertThat(withoutPassword("tasks", "add", "Remembered #cli").exitCode()).isZero();
        CliResult list = withoutPassword("tasks", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("Remembered", "#cli");
        // Someone else named on the command line signs in with their own password, as before.
        assertThat(ok("bob@example.com", "tasks", "list").out()).doesNotContain("Remembered");

        assertThat(withoutPassword("logout").out()).startsWith("Signed out on ");
        CliResult after = withoutPassword("tasks", "list");
        assertThat(after.exitCode()).isEqualTo(2);
        assertThat(after.err()).contains("No password");
        assertThat(withoutPassword("logout").out()).startsWith("Not signed in on ");
    }
}
