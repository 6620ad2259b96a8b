package org.taskdesk.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;
import org.hibernate.SessionFactory;
import org.taskdesk.accounts.LocalAccountService;
import org.taskdesk.accounts.Passwords;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.migrations.MigrationService;
import org.taskdesk.persistence.accounts.AccountStorage;
import org.taskdesk.persistence.database.DatabaseConnections;
import org.taskdesk.persistence.database.DatabaseLocator;
import org.taskdesk.persistence.database.DatabaseTarget;
import org.taskdesk.persistence.database.UserEnvironment;
import org.taskdesk.persistence.mapping.HibernateSetup;
import org.taskdesk.persistence.hibernate.Transactions;
import org.taskdesk.persistence.schema.DatabaseSchemas;
import org.taskdesk.persistence.secrets.FileTokenStore;
import org.taskdesk.persistence.tasks.HibernateTaskStorage;
import org.taskdesk.tasks.TaskStorage;
import org.taskdesk.testing.TestEnvironment;

/**
 * Prepares what bench/startup launches the app on: the default local database of a scratch user (folder
 * {@code <root>/data}, {@code <root>/config}) at head, one account with N tasks, and a remembered session in the
 * file store, so the window opens straight on the task list. The tasks go in through the real mapping, in one
 * transaction with Hibernate batching, which takes seconds rather than the minutes of one transaction per task.
 * Not a test; run by bench/startup: {@code StartupFixture <root> [tasks=10000] [bcrypt cost=4]} (the command-line
 * rows use the real cost, 12, since checking the password is part of what a command costs).
 */
public final class StartupFixture {
    static final String EMAIL = "bench@example.com";
    static final String PASSWORD = "startup benchmark";
    private static final String[] WORDS = {"Pay", "Call", "Write", "Review", "Plan", "Buy", "Fix", "Book", "Send", "Read"};
    private static final String[] OBJECTS = {"rent", "dentist", "report", "slides", "groceries", "flights", "taxes",
        "contract", "roadmap", "insurance"};
    private static final String[] TAGS = {"work", "home", "health", "travel", "finance", "errands"};

    private StartupFixture() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]).toAbsolutePath();
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int bcryptCost = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        UserEnvironment environment = TestEnvironment.in(root);
        Clock clock = Clock.systemDefaultZone();
        DatabaseTarget target = new DatabaseLocator(environment).locate(null).target();
        DatabaseConnections connections = new DatabaseConnections(target);
        connections.prepareLocalFolder();
        new MigrationService(DatabaseSchemas.of(connections, clock)).upgradeToHead(step -> { });
        connections.restrictLocalFile();

        SessionFactory factory = HibernateSetup.validated(connections);
        try (Transactions transactions = new Transactions(factory, target)) {
            // The window's rows resume a remembered session, so its password's cost does not matter there: the
            // lowest keeps the fixture fast.
            LocalAccountService accounts = new LocalAccountService(AccountStorage.local(transactions),
                    new Passwords(bcryptCost), clock);
            accounts.signUp(EMAIL, "Bench", PASSWORD);
            UserSession session = accounts.signIn(EMAIL, PASSWORD, true);
            insert(new HibernateTaskStorage(transactions, clock.getZone()), session, tasks(count, clock));
            new FileTokenStore(environment.dataFolder().resolve("remembered-sessions.properties"))
                    .save(target.displayName(), session.token());
        }
        System.out.println("Prepared " + count + " tasks in " + target.displayName());
    }

    /** In transactions of 500 tasks: one per task would take minutes on a durable file, one for all a lot of memory. */
    private static void insert(TaskStorage store, UserSession owner, List<Task> tasks) {
        for (int from = 0; from < tasks.size(); from += 500) {
            List<Task> batch = tasks.subList(from, Math.min(from + 500, tasks.size()));
            store.inOneTransaction(owner.userId(), owner.token(), changes -> {
                batch.forEach(changes::add);
                return null;
            });
        }
    }

    /** A plausible mix: most open, a fifth done, half with a due date, some tags and priorities. */
    private static List<Task> tasks(int count, Clock clock) {
        Random random = new Random(20261121L);
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Priority[] priorities = Priority.values();
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            String title = WORDS[random.nextInt(WORDS.length)] + " " + OBJECTS[random.nextInt(OBJECTS.length)] + " " + i;
            Tags tags = random.nextInt(3) == 0 ? Tags.of(TAGS[random.nextInt(TAGS.length)]) : Tags.EMPTY;
            LocalDate date = today.plusDays(random.nextInt(60) - 20);
            Due due = random.nextBoolean() ? null : random.nextBoolean() ? Due.on(date) : Due.at(date, LocalTime.of(9, 0));
            boolean done = random.nextInt(5) == 0;
            return new Task(0, title, "", done, priorities[random.nextInt(priorities.length)], tags, due, null, now, now,
                    done ? now : null);
        }).toList();
    }
}
