package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.TaskDeskProcess;
import org.taskdesk.testing.TestEnvironment;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.tasks.MainWindowFixture;
import org.taskdesk.ui.tasks.MainWindowModels;
import org.taskdesk.workspace.Workspace;

/** The command line works on the local database while the desktop app has it open (ADR 0016). */
class CommandLineBesideTheAppTest {
    @TempDir
    Path folder;

    @Test
    void aTaskAddedByTheCommandLineWhileTheAppIsOpenIsSavedAndShownInTheAppsList() throws Exception {
        Path file = TestEnvironment.defaultDatabaseFile(folder);
        Clock clock = Clock.systemDefaultZone();
        try (Workspace app = TestWorkspaces.open(file.toString(), folder, clock)) {
            app.accounts().signUp("ann@example.com", "Ann", "ann password");
            UserSession ann = app.accounts().signIn("ann@example.com", "ann password", true);
            MainWindowModels window = new MainWindowModels(app.tasks(), app.savedSearches(), ann, new DirectBackgroundTasks(),
                    new MainWindowFixture.RecordingDialogs(), clock);
            window.store().load();
            window.store().reloadIfChangedElsewhere();
            assertThat(window.store().tasks()).isEmpty();

            CliResult add = TaskDeskProcess.run(folder, environment(), "tasks", "add", "Call Ann #phone");

            assertThat(add.exitCode()).as(add.err()).isZero();
            assertThat(add.out()).startsWith("Added #");
            window.store().reloadIfChangedElsewhere();
            assertThat(window.store().tasks()).extracting(Task::title).containsExactly("Call Ann");
            // The app keeps working on the same file afterwards.
            app.tasks().add(ann, Task.create("Water the plants", clock.instant()));
            assertThat(TaskDeskProcess.run(folder, environment(), "tasks", "list").out())
                    .contains("Call Ann").contains("Water the plants");
        }
    }

    @Test
    void theOpenFileIsServedOnlyOnThisComputersLoopback() throws Exception {
        Path file = TestEnvironment.defaultDatabaseFile(folder);
        try (Workspace app = TestWorkspaces.open(file.toString(), folder, Clock.systemUTC())) {
            Properties lock = new Properties();
            try (Reader reader = Files.newBufferedReader(file.resolveSibling("taskdesk.lock.db"))) {
                lock.load(reader);
            }
            String[] server = lock.getProperty("server").split(":");
            assertThat(server[0]).isIn("localhost", "127.0.0.1");
            int port = Integer.parseInt(server[1]);
            try (Socket local = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(local.isConnected()).isTrue();
            }
            for (InetAddress address : otherAddressesOfThisComputer()) {
                assertThatThrownBy(() -> new Socket(address, port).close()).as("reached on %s", address)
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    private static List<InetAddress> otherAddressesOfThisComputer() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(nic -> {
            try {
                return nic.isUp() && !nic.isLoopback();
            } catch (SocketException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> !a.isLinkLocalAddress()).toList();
    }

    private Map<String, String> environment() {
        return Map.of("HOME", folder.resolve("home").toString(), "XDG_DATA_HOME", folder.resolve("data").toString(),
                "XDG_CONFIG_HOME", folder.resolve("config").toString(), "TASKDESK_EMAIL", "ann@example.com",
                "TASKDESK_PASSWORD", "ann password");
    }
}
