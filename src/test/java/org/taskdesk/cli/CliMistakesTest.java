package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.app.TaskDeskCli;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.TestEnvironment;

/**
 * Mistakes and odd input on the command line, on a local H2 file: each gets one line that says what is wrong and
 * what is accepted, with the exit code of its kind, never a stack trace or a bug's exit code (70).
 */
class CliMistakesTest {
    @TempDir
    Path folder;

    private CliResult run(Map<String, String> variables, String... args) {
        Map<String, String> all = new HashMap<>(Map.of("TASKDESK_EMAIL", "ann@example.com",
                "TASKDESK_PASSWORD", "ann password", "TASKDESK_BCRYPT_COST", "4"));
        all.putAll(variables);
        List<String> withDatabase = new ArrayList<>(List.of("--database-url", folder.resolve("tasks").toString()));
        withDatabase.addAll(List.of(args));
        return new TaskDeskCli(TestEnvironment.in(folder, all)).run(withDatabase.toArray(String[]::new));
    }

    private CliResult ok(String... args) {
        CliResult result = run(Map.of(), args);
        assertThat(result.exitCode()).as("%s: %s", String.join(" ", args), result.err()).isZero();
        return result;
    }

    private static void assertOneLine(CliResult result, int exitCode, String... expected) {
        assertThat(result.exitCode()).as("stderr: %s", result.err()).isEqualTo(exitCode);
        assertThat(result.err().lines()).as("one line: %s", result.err()).hasSize(1);
        assertThat(result.err()).startsWith("Error: ").contains(expected);
    }

    @Test
    void aBadBcryptCostIsOneLineNamingTheVariableAndTheRange() {
        for (String cost : new String[] {"99", "3", "twelve"}) {
            CliResult result = run(Map.of("TASKDESK_BCRYPT_COST", cost), "account", "create", "--name", "Ann");

            assertOneLine(result, 3, "TASKDESK_BCRYPT_COST", "'" + cost + "'", "4 to 31");
        }
    }

    @Test
    void aBadBcryptCostInTheRealProgramPrintsNoStackTrace() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dtaskdesk.log.dir=" + folder.resolve("logs"), "-cp", System.getProperty("java.class.path"),
                "org.taskdesk.app.Main", "--database-url", folder.resolve("tasks").toString(),
                "account", "create", "--name", "Ann", "--email", "ann@example.com");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().put("XDG_DATA_HOME", folder.resolve("data").toString());
        builder.environment().put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        builder.environment().put("TASKDESK_PASSWORD", "ann password");
        builder.environment().put("TASKDESK_BCRYPT_COST", "99");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(err).isEqualTo(3);
        assertThat(err.strip()).isEqualTo("Error: TASKDESK_BCRYPT_COST is '99'; it must be a whole number from 4 to 31 "
                + "(default 12).");
        assertThat(out).isEmpty();
    }

    @Test
    void anyPageIsAPageOrAClearMessageWithTheRange() throws Exception {
        ok("account", "create", "--name", "Ann");
        ok("tasks", "add", "One");
        ok("tasks", "add", "Two");

        assertThat(ok("tasks", "list", "--page", "2147483647").out().strip()).isEqualTo("No tasks on page 2147483647.");
        assertThat(ok("tasks", "list", "--page", "2147483647", "--page-size", "100000").out().strip())
                .isEqualTo("No tasks on page 2147483647.");
        assertThat(new ObjectMapper().readTree(ok("tasks", "list", "--page", "2147483647", "--json").out())).isEmpty();
        assertThat(ok("tasks", "list", "--page", "2", "--page-size", "1").out()).contains("Two")
                .doesNotContain("One");

        assertOneLine(run(Map.of(), "tasks", "list", "--page", "1000000", "--page-size", "1000000"), 2,
                "--page-size", "1 to 100000");
        assertOneLine(run(Map.of(), "tasks", "list", "--page-size", "0"), 2, "--page-size", "1 to 100000");
        assertOneLine(run(Map.of(), "tasks", "list", "--page", "0"), 2, "--page", "from 1");
        assertOneLine(run(Map.of(), "tasks", "list", "--page", "-2147483648"), 2, "--page", "from 1");
        CliResult notAnInt = run(Map.of(), "tasks", "list", "--page", "99999999999");
        assertThat(notAnInt.exitCode()).isEqualTo(2);
        assertThat(notAnInt.err()).startsWith("Error: Invalid value for option '--page'").doesNotContain("\tat ");
    }

    @Test
    void controlAndBidiCharactersAreShownEscapedButJsonIsExact() throws Exception {
        ok("account", "create", "--name", "Ann");
        String title = "Evil \u001b]0;pwned\u0007 \u202Egnp.exe\u202C \u2066x\u2069 \u009b31m";
        ok("tasks", "add", title);
        ok("tasks", "edit", "1", "--description", "line one\nline \u001b[2J two");

        String list = ok("tasks", "list").out();
        String show = ok("tasks", "show", "1").out();
        String removed = ok("tasks", "rm", "1").out();

        for (String human : List.of(list, show, removed)) {
            assertThat(human).as(human).doesNotContainPattern("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\u202A-\u202E\u2066-\u2069]")
                    .contains("Evil \\e]0;pwned\\u0007 \\u202Egnp.exe\\u202C \\u2066x\\u2069 \\u009B31m");
        }
        assertThat(show).contains("  line one\n  line \\e[2J two");

        ok("tasks", "add", title);
        String json = ok("tasks", "list", "--json").out().strip();
        assertThat(json).doesNotContainPattern("[\\x00-\\x1f\\x7f-\\x9f\u202A-\u202E\u2066-\u2069]");
        assertThat(new ObjectMapper().readTree(json).get(0).get("title").asText()).isEqualTo(title);
    }

    private CliResult runHere(String... args) {
        return new TaskDeskCli(TestEnvironment.in(folder)).run(args);
    }

    @Test
    void aDotEnvLineWithAnUnterminatedQuoteIsNamedWithItsLine() throws Exception {
        for (String broken : new String[] {"DATABASE_URL=\"" + folder.resolve("mine"), "DATABASE_URL='" + folder.resolve("mine"),
            "DATABASE_URL=\"" + folder.resolve("mine") + "\\\""}) {
            java.nio.file.Files.writeString(folder.resolve(".env"), "# mine\n" + broken + "\nOTHER=1\n");

            CliResult result = runHere("db", "current");

            assertOneLine(result, 3, folder.resolve(".env") + ", line 2", "quote");
            assertThat(TestEnvironment.defaultDatabaseFile(folder)).as("the default database is not used").doesNotExist();
        }
        java.nio.file.Files.writeString(folder.resolve(".env"), "# mine\nexport DATABASE_URL=\"" + folder.resolve("mine")
                + "\"  # comment\nOTHER='x y'\n");
        assertThat(runHere("db", "current").out()).contains(folder.resolve("mine.mv.db").toString());
    }

    @Test
    void quotesInsideABareDotEnvValueAreAcceptedAsDotenvJavaDid() throws Exception {
        // Someone else's .env: it never mentions TaskDesk, and dotenv-java read these lines without complaint.
        java.nio.file.Files.writeString(folder.resolve(".env"), "APP_CONFIG={\"a\":1}\nNAME=Bob's\nDATABASE_URL="
                + folder.resolve("mine") + "\n");

        CliResult result = runHere("db", "current");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains(folder.resolve("mine.mv.db").toString());
    }

    @Test
    void aDatabaseUrlNamingAFolderSaysSo() throws Exception {
        Path home = folder.resolve("home");
        java.nio.file.Files.createDirectories(home);
        for (String url : new String[] {"~", "~/", folder.toString(), folder + "/", "jdbc:h2:~"}) {
            CliResult result = runHere("--database-url", url, "db", "current");

            assertOneLine(result, 3, "folder", "name a file in it");
        }
        java.nio.file.Files.writeString(folder.resolve(".env"), "DATABASE_URL=~\n");
        assertOneLine(runHere("db", "current"), 3, home.toString(), "folder");
        assertThat(folder.resolve("home.mv.db")).doesNotExist();

        CliResult inHome = runHere("--database-url", "~/tasks", "db", "current");
        assertThat(inHome.exitCode()).as(inHome.err()).isZero();
        assertThat(inHome.out()).contains(home.resolve("tasks.mv.db").toString());
    }

    @Test
    void impossibleDatesAndRepeatsAreClearErrorsInQuickAddAndEdit() throws Exception {
        ok("account", "create", "--name", "Ann");
        ok("tasks", "add", "Something");

        assertOneLine(run(Map.of(), "tasks", "add", "Old 0000-01-01"), 2, "year 0000", "1900 to 9999");
        assertOneLine(run(Map.of(), "tasks", "add", "Run every day until 2000-01-01"), 2, "ends on 2000-01-01",
                "before the task is due");
        assertOneLine(run(Map.of(), "tasks", "add", "Meet every 5th tuesday"), 2, "5th tuesday",
                "'every last tuesday'");
        assertOneLine(run(Map.of(), "tasks", "add", "Run every day until 0000-01-01"), 2, "year 0000");

        assertOneLine(run(Map.of(), "tasks", "edit", "1", "--due", "0000-01-01"), 2, "year 0000", "1900 to 9999");
        assertOneLine(run(Map.of(), "tasks", "edit", "1", "--due", "2026-12-01", "--repeat", "every day until 2000-01-01"),
                2, "ends on 2000-01-01", "before the task is due (2026-12-01)");
        assertOneLine(run(Map.of(), "tasks", "edit", "1", "--due", "2026-12-01", "--repeat", "FREQ=DAILY;UNTIL=20000101"),
                2, "ends on 2000-01-01");
        assertOneLine(run(Map.of(), "tasks", "edit", "1", "--repeat", "every 5th tuesday"), 2, "5th tuesday");
        assertOneLine(run(Map.of(), "tasks", "edit", "1", "--repeat", "every day at 9am"), 2, "Cannot read the repeat");

        var tasks = new ObjectMapper().readTree(ok("tasks", "list", "--json").out());
        assertThat(tasks).as("nothing was added or changed").hasSize(1);
        assertThat(tasks.get(0).get("due").isNull()).isTrue();
        assertThat(tasks.get(0).get("recurrence").isNull()).isTrue();

        assertThat(ok("tasks", "edit", "1", "--due", "2026-12-01", "--repeat", "every day until 2026-12-31").out())
                .contains("(every day until 31 Dec 2026)");
        assertThat(ok("tasks", "add", "Water plants every week until 2099-01-01").out())
                .contains("Water plants", "(every week until 1 Jan 2099)");
    }
}
