package org.taskdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.app.TestWorkspaces;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.sync.HybridClock;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.QuickAddParser;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.workspace.Workspace;

/**
 * Sync between devices, each a real H2 file with its own account, through a protocol-following server in memory:
 * per-field merge, the conflict inbox, deletes that win, completions on two devices, rejected and too-early stamps,
 * batches and resync.
 */
class SyncServiceTest {
    private static final String SERVER = "postgresql://client@server/tasks";

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"), ZoneId.of("Europe/Berlin"));
    private final InMemorySyncServer server = new InMemorySyncServer(clock);

    /** One device: its own data file and account, its own session store, the shared server. */
    final class Device implements SyncTokens {
        final String url = TestWorkspaces.freshUrl(DatabaseKind.H2, folder);
        final MutableClock deviceClock;
        final Map<String, String> tokens = new HashMap<>();
        final UserSession ann;

        Device(MutableClock deviceClock) {
            this.deviceClock = deviceClock;
            try (Workspace workspace = TestWorkspaces.openForCommand(url, folder, deviceClock)) {
                workspace.accounts().signUp("ann@example.com", "Ann", "ann password");
                ann = workspace.accounts().signIn("ann@example.com", "ann password", true);
            }
        }

        <T> T with(BiFunction<Workspace, SyncService, T> work) {
            try (Workspace workspace = TestWorkspaces.openForCommand(url, folder, deviceClock)) {
                return work.apply(workspace, new SyncService(workspace.replica(), server, this, deviceClock));
            }
        }

        SyncRound sync() {
            return with((workspace, sync) -> sync.sync(ann));
        }

        Task add(String line) {
            return with((workspace, sync) -> workspace.tasks().add(ann,
                    new QuickAddParser().parse(line, ZonedDateTime.now(deviceClock))));
        }

        Task find(String title) {
            return tasks().stream().filter(task -> task.title().equals(title)).findFirst().orElseThrow();
        }

        List<Task> tasks() {
            return with((workspace, sync) -> workspace.tasks().list(ann, TaskQuery.of("")).tasks());
        }

        /** Everything that must agree between devices, in one text per task. */
        List<String> view() {
            return tasks().stream().map(task -> task.title() + " | " + task.description() + " | " + task.priority()
                    + " | " + task.tags() + " | " + task.due() + " | " + task.recurrence() + " | " + task.completed())
                    .sorted().toList();
        }

        List<Conflict> conflicts() {
            return with((workspace, sync) -> sync.conflicts(ann));
        }

        /** Rows of completion history in the file. */
        int completions() throws java.sql.SQLException {
            try (java.sql.Connection connection = new org.taskdesk.persistence.database.DatabaseConnections(
                    new org.taskdesk.persistence.database.DatabaseUrl(folder, folder).parse(url)).open();
                 java.sql.ResultSet count = connection.createStatement()
                         .executeQuery("SELECT COUNT(DISTINCT uid) FROM task_completions")) {
                count.next();
                return count.getInt(1);
            }
        }

        @Override
        public Optional<String> load(String key) {
            return Optional.ofNullable(tokens.get(key));
        }

        @Override
        public void save(String key, String token) {
            tokens.put(key, token);
        }

        @Override
        public void forget(String key) {
            tokens.remove(key);
        }
    }

    private Device linkedDevice() {
        Device device = new Device(clock);
        device.with((workspace, sync) -> sync.link(device.ann, SERVER, "server password"));
        return device;
    }

    @Test
    void tasksMadeBeforeLinkingArePushedAndReachTheOtherDevice() {
        Device laptop = new Device(clock);
        laptop.add("Pay rent tomorrow 9am #home !high every month");
        laptop.add("Quarterly report #work");
        laptop.with((workspace, sync) -> sync.link(laptop.ann, SERVER, "server password"));
        Device desktop = linkedDevice();

        assertThat(laptop.sync()).isEqualTo(new SyncRound(2, 2, 0, 0));
        desktop.sync();

        assertThat(desktop.view()).hasSize(2).isEqualTo(laptop.view());
        int waiting = laptop.with((workspace, sync) -> sync.status(laptop.ann).orElseThrow().waiting());
        assertThat(waiting).isZero();
    }

    @Test
    void aRoundThatOnlyBringsBackWhatThisDevicePushedLeavesItsTasksAsTheyWere() {
        Device laptop = linkedDevice();
        Task made = laptop.add("Water the plants #home");
        clock.advance(Duration.ofHours(1));

        assertThat(laptop.sync()).isEqualTo(new SyncRound(1, 1, 0, 0));

        // The pull brought the task back with the stamps it has here: nothing to merge, so nothing written (it was
        // rewritten, with the pull's time as its last change).
        assertThat(laptop.find("Water the plants").updatedAt()).isEqualTo(made.updatedAt());
        int waiting = laptop.with((workspace, sync) -> sync.status(laptop.ann).orElseThrow().waiting());
        assertThat(waiting).isZero();
    }

    @Test
    void editsToDifferentFieldsOnTwoDevicesBothSurvive() {
        Device laptop = linkedDevice();
        Device desktop = linkedDevice();
        long onLaptop = laptop.add("Buy milk").id();
        laptop.sync();
        desktop.sync();
        long onDesktop = desktop.find("Buy milk").id();

        clock.advance(Duration.ofMinutes(1));
        laptop.with((workspace, sync) -> workspace.tasks().update(laptop.ann, onLaptop,
                task -> task.withTitle("Buy oat milk", clock.instant())));
        clock.advance(Duration.ofMinutes(1));
        desktop.with((workspace, sync) -> workspace.tasks().update(desktop.ann, onDesktop,
                task -> task.withDue(Due.on(LocalDate.of(2026, 12, 1)), clock.instant())));
        laptop.sync();
        desktop.sync();
        laptop.sync();

        assertThat(laptop.view()).isEqualTo(desktop.view()).singleElement().asString()
                .startsWith("Buy oat milk").contains("2026-12-01");
        assertThat(desktop.conflicts()).isEmpty();
        // The contract's rule lists a value made here that a later one beats, even when (as here) the other device
        // had seen it: the laptop's "no due date", set when it made the task. Its title edit is no conflict.
        assertThat(laptop.conflicts()).extracting(Conflict::field).containsOnly("due");
    }

    @Test
    void theLaterEditOfOneFieldWinsAndTheLoserIsKeptInTheConflictInboxAndCanBeRestored() {
        Device laptop = linkedDevice();
        Device desktop = linkedDevice();
        long onLaptop = laptop.add("Buy milk").id();
        laptop.sync();
        desktop.sync();
        long onDesktop = desktop.find("Buy milk").id();

        clock.advance(Duration.ofMinutes(1));
        laptop.with((workspace, sync) -> workspace.tasks().update(laptop.ann, onLaptop,
                task -> task.withTitle("Buy milk on the way home", clock.instant())));
        clock.advance(Duration.ofMinutes(1));
        desktop.with((workspace, sync) -> workspace.tasks().update(desktop.ann, onDesktop,
                task -> task.withTitle("Buy two litres of milk", clock.instant())));
        // The desktop's later edit reaches the server first; the laptop's earlier one loses there and here.
        assertThat(desktop.sync().conflicts()).isZero();
        SyncRound laptopRound = laptop.sync();
        desktop.sync();

        assertThat(laptopRound.conflicts()).isEqualTo(1);
        assertThat(laptop.view()).isEqualTo(desktop.view()).singleElement().asString().startsWith("Buy two litres");
        List<Conflict> inbox = laptop.conflicts();
        assertThat(inbox).singleElement().satisfies(conflict -> {
            assertThat(conflict.field()).isEqualTo("title");
            assertThat(conflict.lostValue()).isEqualTo("\"Buy milk on the way home\"");
            assertThat(conflict.wonValue()).isEqualTo("\"Buy two litres of milk\"");
            assertThat(conflict.winner()).isEqualTo("another device");
        });

        clock.advance(Duration.ofMinutes(1));
        laptop.with((workspace, sync) -> sync.restore(laptop.ann, inbox.get(0).number()));
        laptop.sync();
        desktop.sync();
        assertThat(desktop.view()).isEqualTo(laptop.view()).singleElement().asString().startsWith("Buy milk on the way");
        assertThat(laptop.conflicts()).isEmpty();
    }

    /** Ten tasks on both devices; the desktop deletes the first {@code deleted} of them and syncs. */
    private Device laptopAfterTheDesktopDeleted(int total, int deleted) {
        Device laptop = linkedDevice();
        Device desktop = linkedDevice();
        for (int i = 1; i <= total; i++) {
            laptop.add("Errand " + i);
        }
        laptop.sync();
        desktop.sync();
        clock.advance(Duration.ofMinutes(1));
        desktop.with((workspace, sync) -> {
            for (int i = 1; i <= deleted; i++) {
                workspace.tasks().delete(desktop.ann, desktop.find("Errand " + i).id());
            }
            return null;
        });
        desktop.sync();
        return laptop;
    }

    @Test
    void aPullThatWouldDeleteMoreThanAFifthOfTheTasksStopsAndAsksFirstAndAppliesThemOnlyWithPermission() {
        Device laptop = laptopAfterTheDesktopDeleted(10, 6);
        long kept = laptop.find("Errand 10").id();
        clock.advance(Duration.ofMinutes(1));
        laptop.with((workspace, sync) -> workspace.tasks().update(laptop.ann, kept,
                task -> task.withTitle("Errand ten", clock.instant())));

        SyncRound asked = laptop.sync();

        assertThat(asked.deletesHeld()).isTrue();
        assertThat(asked.wouldDelete()).isEqualTo(6);
        assertThat(asked.tasksHere()).isEqualTo(10);
        assertThat(laptop.tasks()).hasSize(10); // nothing of that page was applied
        SyncLink status = laptop.with((workspace, sync) -> sync.status(laptop.ann).orElseThrow());
        assertThat(status.lastError()).isEqualTo("The server would delete 6 of 10 tasks here; nothing was deleted. "
                + "Run 'taskdesk sync --allow-deletes' to accept.");
        assertThat(server.tasks()).hasSize(4); // its own edit went out all the same
        assertThat(laptop.sync().deletesHeld()).as("asked again until allowed").isTrue();
        assertThat(laptop.tasks()).hasSize(10);

        SyncRound allowed = laptop.with((workspace, sync) -> sync.sync(laptop.ann, true));

        assertThat(allowed.deletesHeld()).isFalse();
        assertThat(laptop.tasks()).extracting(Task::title)
                .containsExactlyInAnyOrder("Errand 7", "Errand 8", "Errand 9", "Errand ten");
        String lastError = laptop.with((workspace, sync) -> sync.status(laptop.ann).orElseThrow().lastError());
        assertThat(lastError).isNull();
        assertThat(laptop.sync()).isEqualTo(new SyncRound(0, 0, 0, 0));
    }

    /**
     * The guard judges the whole pull: six deletions over three pages of two (each page alone, and the first two
     * together, under the guard's minimum of 5) are all held until the person allows them.
     */
    @Test
    void deletionsSpreadOverThreePagesAreAllHeldUntilAllowed() {
        Device laptop = laptopAfterTheDesktopDeleted(10, 6);
        server.pageLimit = 2;

        SyncRound asked = laptop.sync();

        assertThat(asked.deletesHeld()).isTrue();
        assertThat(asked.wouldDelete()).isEqualTo(6);
        assertThat(asked.tasksHere()).isEqualTo(10);
        assertThat(laptop.tasks()).as("no page's deletions applied").hasSize(10);
        assertThat(laptop.sync().wouldDelete()).as("asked again, for all six").isEqualTo(6);
        assertThat(laptop.tasks()).hasSize(10);

        SyncRound allowed = laptop.with((workspace, sync) -> sync.sync(laptop.ann, true));

        assertThat(allowed.deletesHeld()).isFalse();
        assertThat(laptop.tasks()).extracting(Task::title)
                .containsExactlyInAnyOrder("Errand 7", "Errand 8", "Errand 9", "Errand 10");
        assertThat(laptop.sync()).isEqualTo(new SyncRound(0, 0, 0, 0));
    }

    /** Pages go in while the deletions they brought wait: an edit pulled with them is there when the guard asks. */
    @Test
    void whileDeletionsAreHeldTheRestOfThePullIsApplied() {
        Device laptop = linkedDevice();
        Device desktop = linkedDevice();
        for (int i = 1; i <= 10; i++) {
            laptop.add("Errand " + i);
        }
        laptop.sync();
        desktop.sync();
        clock.advance(Duration.ofMinutes(1));
        desktop.with((workspace, sync) -> {
            for (int i = 1; i <= 6; i++) {
                workspace.tasks().delete(desktop.ann, desktop.find("Errand " + i).id());
            }
            workspace.tasks().update(desktop.ann, desktop.find("Errand 9").id(),
                    task -> task.withTitle("Errand nine", clock.instant()));
            return null;
        });
        desktop.sync();
        server.pageLimit = 3;

        SyncRound asked = laptop.sync();

        assertThat(asked.wouldDelete()).isEqualTo(6);
        assertThat(laptop.tasks()).hasSize(10).extracting(Task::title).contains("Errand nine");
        assertThat(laptop.with((workspace, sync) -> sync.sync(laptop.ann, true)).deletesHeld()).isFalse();
        assertThat(laptop.view()).isEqualTo(desktop.view()).hasSize(4);
    }

    /**
     * A task deleted in an early page and restored on another device while the pull goes on comes back in a later
     * page: its held deletion is not applied at the end, and it is not counted.
     */
    @Test
    void aTaskRestoredWhileThePullGoesOnIsNotDeletedByItsHeldDeletion() {
        Device laptop = linkedDevice();
        Device desktop = linkedDevice();
        for (int i = 1; i <= 30; i++) {
            laptop.add("Errand " + i);
        }
        laptop.sync();
        desktop.sync();
        clock.advance(Duration.ofMinutes(1));
        List<org.taskdesk.tasks.DeletedTask> deleted = desktop.with((workspace, sync) -> workspace.tasks().delete(
                desktop.ann, java.util.stream.IntStream.rangeClosed(1, 6)
                        .mapToObj(i -> desktop.find("Errand " + i).id()).toList()));
        desktop.sync();
        server.pageLimit = 2;
        server.afterNextPage = () -> {
            clock.advance(Duration.ofMinutes(1));
            desktop.with((workspace, sync) -> workspace.tasks().restore(desktop.ann, deleted.subList(0, 1)));
            desktop.sync();
        };

        SyncRound round = laptop.sync();

        assertThat(round.deletesHeld()).as("5 of 30: a fifth at most").isFalse();
        assertThat(laptop.tasks()).hasSize(25).extracting(Task::title).contains("Errand 1").doesNotContain("Errand 2");
        assertThat(laptop.view()).isEqualTo(desktop.view());
    }

    /**
     * A device offline longer than tombstones are kept pulls everything again and drops what the server no longer
     * has: that drop asks first too, like deletions pulled.
     */
    @Test
    void aResyncThatWouldDropMoreThanAFifthOfTheTasksAsksFirst() {
        Device laptop = laptopAfterTheDesktopDeleted(10, 6);
        server.purgeTombstones();

        SyncRound asked = laptop.sync();

        assertThat(asked.deletesHeld()).isTrue();
        assertThat(asked.wouldDelete()).isEqualTo(6);
        assertThat(laptop.tasks()).hasSize(10);
        assertThat(laptop.sync().wouldDelete()).as("the next round resyncs and asks again").isEqualTo(6);

        assertThat(laptop.with((workspace, sync) -> sync.sync(laptop.ann, true)).deletesHeld()).isFalse();
        assertThat(laptop.tasks()).extracting(Task::title)
                .containsExactlyInAnyOrder("Errand 7", "Errand 8", "Errand 9", "Errand 10");
        // The server's last page names the newest task pulled, below the purged versions: the next round resyncs
        // again (the server's part, left as it is), and finds nothing more to drop.
        assertThat(laptop.sync().deletesHeld()).isFalse();
        assertThat(laptop.tasks()).hasSize(4);
    }

    @Test
    void fewDeletionsOrAFifthAtMostGoThroughWithoutAsking() {
        assertThat(laptopAfterTheDesktopDeleted(10, 4).sync().deletesHeld()).as("4 of 10: fewer than 5").isFalse();
        assertThat(laptopAfterTheDesktopDeleted(25, 5).sync().deletesHeld()).as("5 of 25: a fifth").isFalse();
    }

    @Test
    void aDeleteWinsOverAConcurrentEditAndTheTaskNeverComesBack() {
        Device laptop = linkedDevice();
        Device desktop = linkedDevice();
        long onLaptop = laptop.add("Old errand").id();
        laptop.sync();
        desktop.sync();
        long onDesktop = desktop.find("Old errand").id();

        clock.advance(Duration.ofMinutes(1));
        laptop.with((workspace, sync) -> {
            workspace.tasks().delete(laptop.ann, onLaptop);
            return null;
        });
        clock.advance(Duration.ofMinutes(1));
        desktop.with((workspace, sync) -> workspace.tasks().update(desktop.ann, onDesktop,
                task -> task.withPriority(Priority.HIGH, clock.instant())));
        laptop.sync();
        desktop.sync();
        laptop.sync();

        assertThat(laptop.view()).isEmpty();
        assertThat(desktop.view()).isEmpty();
        assertThat(server.tasks()).isEmpty();
    }

    @Test
    void aRecurringTaskCompletedOnBothDevicesKeepsBothCompletionsAndOneNextDate() throws Exception {
        Device laptop = linkedDevice();
        Device desktop = linkedDevice();
        long onLaptop = laptop.add("Water plants today every day").id();
        laptop.sync();
        desktop.sync();
        long onDesktop = desktop.find("Water plants").id();

        clock.advance(Duration.ofMinutes(1));
        laptop.with((workspace, sync) -> workspace.tasks().complete(laptop.ann, onLaptop));
        clock.advance(Duration.ofMinutes(1));
        desktop.with((workspace, sync) -> workspace.tasks().complete(desktop.ann, onDesktop));
        laptop.sync();
        desktop.sync();
        laptop.sync();

        assertThat(server.completionCount()).isEqualTo(2);
        assertThat(laptop.view()).isEqualTo(desktop.view()).singleElement().asString()
                .contains(LocalDate.of(2026, 11, 29).toString()).doesNotContain("2026-11-30");
        assertThat(laptop.completions()).isEqualTo(2);
        assertThat(desktop.completions()).isEqualTo(2);
    }

    @Test
    void aRefusedChangeLeavesTheQueueWithItsReasonKeptAndTheNextOnesGoThrough() {
        Device laptop = linkedDevice();
        server.refusedTitle = "Refused";
        laptop.add("Refused");
        laptop.add("Accepted");

        SyncRound round = laptop.sync();

        assertThat(round.rejected()).isEqualTo(1);
        assertThat(round.pushed()).isEqualTo(1);
        SyncLink status = laptop.with((workspace, sync) -> sync.status(laptop.ann).orElseThrow());
        assertThat(status.waiting()).isZero();
        assertThat(status.rejectedCount()).isEqualTo(1);
        assertThat(status.lastRejection()).isEqualTo("the title 'Refused' is refused");
        assertThat(server.tasks().values()).extracting(task -> task.path("fields").path("title").path("v").asText())
                .containsExactly("Accepted");
    }

    @Test
    void aDeviceThreeHoursFastIsRefusedOnceThenStampsInServerTime() {
        MutableClock fast = new MutableClock(clock.instant().plus(Duration.ofHours(3)), clock.getZone());
        Device laptop = new Device(fast);
        laptop.with((workspace, sync) -> sync.link(laptop.ann, SERVER, "server password"));
        laptop.add("Made in the future");

        SyncRound round = laptop.sync();

        assertThat(round.pushed()).isEqualTo(1);
        assertThat(server.pushes).as("refused once, re-stamped, pushed again").isEqualTo(2);
        String stamp = server.tasks().values().iterator().next().path("fields").path("title").path("c").asText();
        assertThat(HybridClock.millis(stamp) - clock.millis()).isLessThanOrEqualTo(HybridClock.MAX_AHEAD_MILLIS);
    }

    @Test
    void moreThanAThousandChangesGoInBatchesOfAThousand() {
        Device laptop = new Device(clock);
        laptop.with((workspace, sync) -> {
            for (int i = 0; i < 2001; i++) {
                workspace.tasks().add(laptop.ann, Task.create("Task " + i, clock.instant()));
            }
            return null;
        });
        laptop.with((workspace, sync) -> sync.link(laptop.ann, SERVER, "server password"));

        assertThat(laptop.sync().pushed()).isEqualTo(2001);
        assertThat(server.pushes).isEqualTo(3);
        assertThat(server.tasks()).hasSize(2001);
    }

    @Test
    void aDeviceOfflineLongerThanTombstonesAreKeptResyncsAndDropsWhatTheServerNoLongerHas() {
        Device laptop = linkedDevice();
        laptop.add("Kept");
        laptop.add("Purged");
        laptop.sync();
        Device desktop = linkedDevice();
        desktop.sync();
        java.util.UUID purged = server.tasks().entrySet().stream()
                .filter(e -> e.getValue().path("fields").path("title").path("v").asText().equals("Purged"))
                .findFirst().orElseThrow().getKey();
        server.forget(purged);
        laptop.add("After");
        laptop.sync();
        server.purgeTombstones();

        desktop.sync();

        assertThat(desktop.view()).extracting(line -> line.substring(0, line.indexOf(' ')))
                .containsExactlyInAnyOrder("After", "Kept");
    }

    @Test
    void anUnreachableServerFailsTheRoundAndLeavesEverythingWaiting() {
        Device laptop = linkedDevice();
        laptop.add("Offline edit");
        server.reachable = false;

        assertThatThrownBy(laptop::sync).isInstanceOf(TaskDeskException.class);

        SyncLink status = laptop.with((workspace, sync) -> sync.status(laptop.ann).orElseThrow());
        assertThat(status.waiting()).isEqualTo(1);
        assertThat(status.lastError()).contains("Cannot reach the server");
        server.reachable = true;
        assertThat(laptop.sync().pushed()).isEqualTo(1);
    }
}
