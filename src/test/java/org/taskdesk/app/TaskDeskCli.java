package org.taskdesk.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import org.taskdesk.cli.CommandRunner;
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
        AppServices services = new AppServices(environment, Clock.systemDefaultZone());
        int code = CommandRunner.run(services, databaseUrl -> {
            new PrintWriter(out, true).print("desktop for " + databaseUrl);
            return 0;
        }, new PrintWriter(out),
                new PrintWriter(err), args);
        return new CliResult(code, out.toString(), err.toString());
    }
}
