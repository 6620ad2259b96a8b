package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.TaskDeskProcess;
import org.taskdesk.testing.TestEnvironment;

/** The command line prints UTF-8 even where the locale is plain "C", as on a minimal Debian. */
class Utf8OutputTest {
    @TempDir
    Path folder;

    @Test
    void aTitleWithAccentsIsPrintedInUtf8UnderTheCLocale() throws Exception {
        Map<String, String> ann = Map.of("TASKDESK_EMAIL", "ann@example.com", "TASKDESK_PASSWORD", "ann password",
                "TASKDESK_BCRYPT_COST", "4");
        TaskDeskCli inThisJvm = new TaskDeskCli(TestEnvironment.in(folder, ann));
        assertThat(inThisJvm.run("account", "create", "--name", "Ann").exitCode()).isZero();
        assertThat(inThisJvm.run("tasks", "add", "Lunch at the café").exitCode()).isZero();

        CliResult list = TaskDeskProcess.run(folder, Map.of("LANG", "C", "HOME", folder.resolve("home").toString(),
                "XDG_DATA_HOME", folder.resolve("data").toString(), "XDG_CONFIG_HOME", folder.resolve("config").toString(),
                "TASKDESK_EMAIL", "ann@example.com", "TASKDESK_PASSWORD", "ann password"), "tasks", "list");

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("Lunch at the café");
    }
}
