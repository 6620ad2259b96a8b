package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.testing.CliResult;
import org.taskdesk.testing.TaskDeskProcess;
import org.taskdesk.testing.TestEnvironment;

/** A second start of the desktop app brings the running one to the front instead of showing an error. */
class SingleInstanceTest {
    @TempDir
    Path folder;

    @Test
    void aSecondStartAsksTheRunningAppToShowItsWindowAndEndsWithExitCode0() throws Exception {
        Path data = TestEnvironment.in(folder).dataFolder();
        AtomicInteger shown = new AtomicInteger();
        try (SingleInstance first = SingleInstance.claim(data).orElseThrow()) {
            first.onShowRequest(shown::incrementAndGet);

            // No display in the child: had it tried to open a window of its own, it would have failed.
            CliResult second = TaskDeskProcess.run(folder, Map.of("HOME", folder.resolve("home").toString(),
                    "XDG_DATA_HOME", folder.resolve("data").toString(),
                    "XDG_CONFIG_HOME", folder.resolve("config").toString()));

            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.out() + second.err()).isEmpty();
            assertThat(shown).hasValue(1);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        }
        assertThat(SingleInstance.claim(data)).as("the next start is the one app").isPresent().get()
                .satisfies(SingleInstance::close);
    }

    @Test
    void aStartRightAfterTheAppClosedIsTheOneAppEveryTime() throws Exception {
        // The closing app's listener must not answer once it has closed: the start right after it would end, believing
        // an app runs, and no window would open at all. A race, so tried many times.
        for (int round = 1; round <= 100; round++) {
            Path data = folder.resolve("round " + round);
            AtomicInteger shown = new AtomicInteger();
            try (SingleInstance app = SingleInstance.claim(data).orElseThrow()) {
                app.onShowRequest(shown::incrementAndGet);
                assertThat(SingleInstance.claim(data)).as("round %d: a second start while it runs", round).isEmpty();
            }
            Optional<SingleInstance> next = SingleInstance.claim(data);
            next.ifPresent(SingleInstance::close);
            assertThat(next).as("round %d: the start after it closed", round).isPresent();
            assertThat(shown).as("round %d: the closed app was asked once, by the start while it ran", round)
                    .hasValue(1);
        }
    }

    @Test
    void theSocketLeftByAKilledAppDoesNotStopTheNextStart() throws Exception {
        Path data = TestEnvironment.in(folder).dataFolder();
        Files.createDirectories(data);
        try (ServerSocketChannel killed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            killed.bind(UnixDomainSocketAddress.of(data.resolve("taskdesk.socket")));
        }
        assertThat(data.resolve("taskdesk.socket")).exists();

        try (SingleInstance next = SingleInstance.claim(data).orElseThrow()) {
            AtomicInteger shown = new AtomicInteger();
            next.onShowRequest(shown::incrementAndGet);
            assertThat(SingleInstance.claim(data)).as("a third start is told to show the window").isEmpty();
            assertThat(shown).hasValue(1);
        }
    }
}
