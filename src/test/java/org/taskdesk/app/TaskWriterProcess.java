package org.taskdesk.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import java.sql.Connection;
import org.taskdesk.accounts.AccountService;
import org.taskdesk.accounts.LocalAccountService;
import org.taskdesk.accounts.Passwords;
import org.taskdesk.persistence.accounts.AccountStorage;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseUrl;
import org.taskdesk.persistence.mapping.HibernateSetup;
import org.taskdesk.persistence.hibernate.Transactions;
import org.taskdesk.persistence.tasks.HibernateTaskStorage;
import org.taskdesk.tasks.TaskService;

/**
 * A child process for {@link CrashDurabilityTest}: writes tasks through the real services into a local database
 * until it is killed, printing one line per change the services reported as saved, flushed at once:
 * {@code added <id> <title>} and {@code completed <id>} (every third task completes the one before it).
 *
 * <p>Usage: {@code TaskWriterProcess <database file> <email> <password> <run label>}
 */
public final class TaskWriterProcess {
    private TaskWriterProcess() {
    }

    public static void main(String[] args) throws java.sql.SQLException {
        Path file = Path.of(args[0]);
        PrintStream out = System.out;
        // The services over the file as OpenedWorkspace builds them, without its migration check: the parent
        // migrated the file, and Flyway's start-up would only make each of the many writers slower to start.
        DatabaseConnections connections = new DatabaseConnections(DatabaseUrl.localFile(file));
        Clock clock = Clock.systemUTC();
        try (Connection keepOpen = connections.open();
             Transactions transactions = new Transactions(HibernateSetup.validated(connections), connections.target())) {
            AccountService accounts = new LocalAccountService(AccountStorage.local(transactions),
                    new Passwords(TestWorkspaces.TEST_BCRYPT_COST), clock);
            TaskService tasks = new TaskService(new HibernateTaskStorage(transactions, clock.getZone()), clock);
            UserSession user = accounts.signIn(args[1], args[2], false);
            out.println("ready");
            out.flush();
            long previous = -1;
            for (int i = 1; ; i++) {
                Task saved = tasks.add(user, expected(args[3], i));
                out.println("added " + saved.id() + " " + saved.title());
                out.flush();
                if (i % 3 == 0 && previous > 0) {
                    tasks.complete(user, previous);
                    out.println("completed " + previous);
                    out.flush();
                }
                previous = saved.id();
            }
        }
    }

    /** The task number {@code i} of run {@code run}: the parent checks what it finds against this. */
    static Task expected(String run, int i) {
        java.time.Instant now = java.time.Instant.now();
        return Task.create(title(run, i), now).withDescription(description(run, i), now)
                .withTags(Tags.of("crash", "run" + run), now);
    }

    static String title(String run, int i) {
        return "run " + run + " task " + i;
    }

    static String description(String run, int i) {
        return ("written by run " + run + " as task " + i + ". ").repeat(20);
    }
}
