package org.taskdesk.ui.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.testing.QuickAddLines.quickAdd;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.testing.MutableClock;
import org.taskdesk.ui.TestDesk;
import org.taskdesk.ui.common.BackgroundTasks;
import org.taskdesk.ui.common.DirectBackgroundTasks;
import org.taskdesk.ui.common.HeldBackgroundTasks;

/** Reminders over a real H2 database; each check is triggered by hand instead of by the timeline. */
class RemindersTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("Europe/Berlin"));

    @TempDir
    Path folder;

    private TestDesk desk;
    private final List<String> inApp = new ArrayList<>();
    private final List<String> desktop = new ArrayList<>();
    private Reminders reminders;

    @BeforeEach
    void open() {
        desk = new TestDesk(folder, clock);
        reminders = new Reminders(desk.context(new DirectBackgroundTasks()), inApp::add, desktop::add);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    @Test
    void tasksComingDueAreAnnouncedInTheAppAndOnTheDesktopOnce() {
        TaskService tasks = desk.workspace.tasks();
        long call = tasks.add(desk.ann, quickAdd("Call mum 2026-11-21 11:30", clock)).id();
        tasks.add(desk.ann, quickAdd("Dentist 2026-11-21", clock));
        long done = tasks.add(desk.ann, quickAdd("Feed cat 2026-11-21 11:10", clock)).id();
        tasks.complete(desk.ann, done);

        reminders.checkNow();
        clock.advance(Duration.ofMinutes(31));
        reminders.checkNow();
        reminders.checkNow();

        assertThat(inApp).containsExactly("Due now: Call mum (11:30)");
        assertThat(desktop).isEqualTo(inApp);

        tasks.update(desk.ann, call, t -> t.withDue(Due.at(LocalDate.of(2026, 11, 21), LocalTime.of(11, 40)),
                clock.instant()));
        clock.advance(Duration.ofMinutes(10));
        reminders.checkNow();
        assertThat(inApp).containsExactly("Due now: Call mum (11:30)", "Due now: Call mum (11:40)");
    }

    @Test
    void aFailedCheckIsQuietAndTheNextOneWorks() {
        desk.workspace.tasks().add(desk.ann, quickAdd("Call mum 2026-11-21 10:59", clock));
        BackgroundTasks down = new BackgroundTasks() {
            @Override
            public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
                onFailure.accept(new IllegalStateException("the database is down"));
            }

            @Override
            public void onUiThread(Runnable update) {
                update.run();
            }
        };
        Reminders broken = new Reminders(desk.context(down), inApp::add, desktop::add);

        broken.checkNow();
        assertThat(inApp).isEmpty();
        reminders.checkNow();
        assertThat(inApp).containsExactly("Due now: Call mum (10:59)");
    }

    @Test
    void aCheckStillRunningAtSignOutAnnouncesNothing() {
        desk.workspace.tasks().add(desk.ann, quickAdd("Call mum 2026-11-21 10:59", clock));
        HeldBackgroundTasks slow = new HeldBackgroundTasks();
        Reminders late = new Reminders(desk.context(slow), inApp::add, desktop::add);

        late.checkNow();
        late.stop();
        slow.replyAll();

        assertThat(inApp).isEmpty();
        assertThat(desktop).isEmpty();
    }
}
