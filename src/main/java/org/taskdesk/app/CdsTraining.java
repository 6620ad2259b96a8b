package org.taskdesk.app;

import org.taskdesk.persistence.database.UserEnvironment;

/**
 * The training run behind the packaged app's class-data (AppCDS) archive, run once by the installer build: it uses
 * the command line on a scratch database the way people do, so those classes start from the archive. Not for
 * people: it prints nothing useful.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        String database = args[0];
        UserEnvironment environment = UserEnvironment.ofThisProcess();
        run(environment, "--database-url", database, "db", "upgrade", "head");
        run(environment, "--database-url", database, "db", "current");
        run(environment, "--database-url", database, "account", "create", "--name", "Training");
        run(environment, "--database-url", database, "tasks", "add", "Train the archive tomorrow 9am #cds !high every week");
        run(environment, "--database-url", database, "tasks", "list", "#cds | due:7d");
    }

    private static void run(UserEnvironment environment, String... args) {
        int code = Main.run(environment, args);
        if (code != 0) {
            throw new IllegalStateException("Training command failed with " + code + ": " + String.join(" ", args));
        }
    }
}
