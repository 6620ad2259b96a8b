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
    private final List<Long> completed = new ArrayList<>();
    /** What the fake desktop route does with each reminder it is asked to show. */
    private ReminderChoice answer;
    private boolean desktopHasNotifications = true;
    private final List<ReminderSchedule.Reminder> shownOnDesktop = new ArrayList<>();
    private final ReminderNotifier fakeDesktop = (reminder, chosen, notShown) -> {
        if (!desktopHasNotifications) {
            notShown.run();
            return;
        }
        desktop.add(reminder.message());
        shownOnDesktop.add(reminder);
        if (answer != null) {
            chosen.accept(answer);
        }
    };
    private Reminders reminders;

    @BeforeEach
    void open() {
        desk = new TestDesk(folder, clock);
        reminders = reminders(new DirectBackgroundTasks());
    }

    private Reminders reminders(BackgroundTasks background) {
        return new Reminders(desk.context(background), inApp::add, fakeDesktop, message -> { }, completed::add);
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
        Reminders broken = reminders(down);

        broken.checkNow();
        assertThat(inApp).isEmpty();
        reminders.checkNow();
        assertThat(inApp).containsExactly("Due now: Call mum (10:59)");
    }

    @Test
    void aCheckStillRunningAtSignOutAnnouncesNothing() {
        desk.workspace.tasks().add(desk.ann, quickAdd("Call mum 2026-11-21 10:59", clock));
        HeldBackgroundTasks slow = new HeldBackgroundTasks();
        Reminders late = reminders(slow);

        late.checkNow();
        late.stop();
        slow.replyAll();

        assertThat(inApp).isEmpty();
        assertThat(desktop).isEmpty();
    }

    @Test
    void snoozingFromTheDesktopNotificationRemindsAgainLaterAndIsKeptForTheNextStart() {
        long call = desk.workspace.tasks().add(desk.ann, quickAdd("Call mum 2026-11-21 10:59", clock)).id();
        answer = ReminderChoice.SNOOZE_10_MINUTES;

        reminders.checkNow();
        assertThat(desktop).containsExactly("Due now: Call mum (10:59)");
        assertThat(inApp).containsExactly("Due now: Call mum (10:59)", "Reminder of \"Call mum\" snoozed until 11:10");
        assertThat(desk.desktop.snoozedReminders).as("kept in the settings").contains("/" + call + "/");

        answer = null;
        clock.advance(Duration.ofMinutes(9));
        reminders.checkNow();
        assertThat(desktop).hasSize(1);

        // The app is restarted before the snooze ends: the new run reads the snooze and reminds at 11:10.
        reminders.stop();
        Reminders restarted = reminders(new DirectBackgroundTasks());
        restarted.restoreSnoozes(() -> { });
        restarted.checkNow();
        assertThat(desktop).as("11:09, still snoozed").hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        restarted.checkNow();
        assertThat(desktop).containsExactly("Due now: Call mum (10:59)", "Due now: Call mum (10:59)");
    }

    @Test
    void completeFromTheNotificationCompletesThatTask() {
        long call = desk.workspace.tasks().add(desk.ann, quickAdd("Call mum 2026-11-21 10:59", clock)).id();
        answer = ReminderChoice.COMPLETE;

        reminders.checkNow();

        assertThat(completed).containsExactly(call);
        assertThat(reminders.inWindow()).isEmpty();
    }

    @Test
    void withoutDesktopNotificationsTheReminderStaysInTheWindowWithTheSameChoices() {
        long call = desk.workspace.tasks().add(desk.ann, quickAdd("Call mum 2026-11-21 10:59", clock)).id();
        desk.workspace.tasks().add(desk.ann, quickAdd("Pay rent 2026-11-21 10:58", clock));
        desktopHasNotifications = false;

        reminders.checkNow();
        clock.advance(Duration.ofMinutes(30));
        reminders.checkNow();

        assertThat(reminders.inWindow()).extracting(ReminderSchedule.Reminder::message)
                .containsExactlyInAnyOrder("Due now: Call mum (10:59)", "Due now: Pay rent (10:58)");
        ReminderSchedule.Reminder rent = reminders.inWindow().stream()
                .filter(r -> r.title().equals("Pay rent")).findFirst().orElseThrow();
        ReminderSchedule.Reminder mum = reminders.inWindow().stream()
                .filter(r -> r.title().equals("Call mum")).findFirst().orElseThrow();

        reminders.choose(rent, ReminderChoice.SNOOZE_TOMORROW);
        reminders.choose(mum, ReminderChoice.COMPLETE);

        assertThat(reminders.inWindow()).isEmpty();
        assertThat(completed).containsExactly(call);
        assertThat(inApp).contains("Reminder of \"Pay rent\" snoozed until 09:00");
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-22T07:59:00Z"))); // 08:59 tomorrow in Berlin
        reminders.checkNow();
        assertThat(reminders.inWindow()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        reminders.checkNow();
        assertThat(reminders.inWindow()).extracting(ReminderSchedule.Reminder::title).containsExactly("Pay rent");
    }
}
