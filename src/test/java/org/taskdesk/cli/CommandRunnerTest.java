package org.taskdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/** The command line asks for the window instead of opening it, and makes its services once, for its database. */
class CommandRunnerTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> madeFor = new ArrayList<>();

    private Outcome run(String... args) {
        ServicesFactory services = databaseUrl -> {
            madeFor.add(databaseUrl);
            throw new TaskDeskException(ErrorCode.BAD_CONFIGURATION, "no database in this test");
        };
        return CommandRunner.run(services, Path.of("taskdesk.log"), new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void optionsWithoutACommandAskForTheWindowOnTheirDatabase() {
        Outcome outcome = run("--database-url", "/somewhere/tasks", "-v");

        assertThat(outcome).isEqualTo(new Outcome(0, true, "/somewhere/tasks", true));
        assertThat(madeFor).as("the window makes its own").isEmpty();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void helpAndCommandsDoNotAskForTheWindow() {
        assertThat(run("--help").opensWindow()).isFalse();

        Outcome current = run("db", "current", "--database-url", "/a/b");

        assertThat(current.opensWindow()).isFalse();
        assertThat(current.exitCode()).isEqualTo(ErrorCode.BAD_CONFIGURATION.exitCode());
        assertThat(madeFor).containsExactly("/a/b");
        assertThat(err.toString()).isEqualTo("Error: no database in this test" + System.lineSeparator());
    }
}
