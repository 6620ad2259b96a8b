package org.taskdesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executor;
import org.taskdesk.accounts.Passwords;
import org.taskdesk.persistence.secrets.FileTokenStore;
import org.taskdesk.testing.TestEnvironment;
import org.taskdesk.ui.DesktopServices;

/** The app's real desktop backend for a user whose folders are all under {@code folder}; no OS keyring. */
public final class TestDesktop {
    private TestDesktop() {
    }

    public static DesktopServices backend(Path folder, Clock clock, String databaseUrl) {
        return backend(folder, clock, databaseUrl, Map.of());
    }

    /** The same, with Hibernate started by {@code hibernateThread} (which a test may hold back) on a local file. */
    static DesktopBackend withHibernateStartedBy(Path folder, Clock clock, Executor hibernateThread) {
        Configuration configuration = Configuration.configure(TestEnvironment.in(folder, Map.of())).load();
        return new DesktopBackend(configuration, clock, new Passwords(TestWorkspaces.TEST_BCRYPT_COST),
                new FileTokenStore(folder.resolve("tokens.properties")), hibernateThread);
    }

    public static DesktopServices backend(Path folder, Clock clock, String databaseUrl, Map<String, String> variables) {
        Configuration configuration = Configuration.configure(TestEnvironment.in(folder, variables))
                .databaseUrl(databaseUrl).load();
        return new DesktopBackend(configuration, clock, new Passwords(TestWorkspaces.TEST_BCRYPT_COST),
                new FileTokenStore(folder.resolve("tokens.properties")));
    }
}
