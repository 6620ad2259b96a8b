package org.taskdesk.app;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import org.taskdesk.cli.CommandRunner;
import org.taskdesk.persistence.database.UserEnvironment;

/**
 * The program's entry point: the command line, and with no command the desktop app. Deliberately not a JavaFX
 * {@code Application}, so that {@code java -jar} works from a plain classpath and commands load no JavaFX.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(UserEnvironment.ofThisProcess(), args));
    }

    static int run(UserEnvironment environment, String... args) {
        Logs.configure(environment);
        Charset console = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, console), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, console), true);
        AppServices services = new AppServices(environment, Clock.systemDefaultZone());
        return CommandRunner.run(services, databaseUrl -> DesktopLauncher.run(environment, databaseUrl, services, err),
                out, err, args);
    }
}
