package org.taskdesk.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import org.taskdesk.cli.CommandRunner;
import org.taskdesk.cli.Outcome;
import org.taskdesk.persistence.database.UserEnvironment;
import org.taskdesk.testing.CliResult;

/** Runs the real command line in this JVM, as the jar would, capturing what it prints. */
public final class TaskDeskCli {
    private final UserEnvironment environment;

    public TaskDeskCli(UserEnvironment environment) {
        this.environment = environment;
    }

    public CliResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Outcome outcome = CommandRunner.run(AppServices.factory(environment, Clock.systemDefaultZone()),
                Logs.file(environment), new PrintWriter(out), new PrintWriter(err), args);
        if (outcome.opensWindow()) {
            new PrintWriter(out, true).print("desktop for " + outcome.databaseUrl());
        }
        return new CliResult(outcome.exitCode(), out.toString(), err.toString());
    }
}
