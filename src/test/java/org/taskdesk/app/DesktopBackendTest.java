package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.testing.TestEnvironment;
import org.taskdesk.testing.TestPostgres;
import org.taskdesk.ui.DesktopServices;
import org.taskdesk.workspace.Workspace;

class DesktopBackendTest {
    @TempDir
    Path folder;

    @Test
    void aRememberedSessionStaysWithTheOpenDatabaseWhenSettingsChooseAnotherForTheNextStart() {
        DesktopServices desktop = TestDesktop.backend(folder, Clock.systemUTC(), null);
        String server = TestPostgres.newDatabaseUrl();
        assertThat(new TaskDeskCli(TestEnvironment.in(folder)).run("--database-url", server, "db", "upgrade", "head")
                .exitCode()).isZero();

        try (Workspace local = desktop.openWorkspace(step -> { })) {
            desktop.rememberToken("token-of-the-local-database");
            desktop.useServer(server);

            assertThat(desktop.databaseName()).isEqualTo(local.databaseName());
            assertThat(desktop.rememberedToken()).contains("token-of-the-local-database");
            desktop.forgetToken();
            assertThat(desktop.rememberedToken()).isEmpty();
        }
        DesktopServices nextStart = TestDesktop.backend(folder, Clock.systemUTC(), null);
        assertThat(nextStart.databaseName()).startsWith("postgresql://");
        assertThat(nextStart.rememberedToken()).isEmpty();
    }
}
