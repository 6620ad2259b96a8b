package org.taskdesk.ui.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.ui.reminders.ReminderSchedule.Reminder;

/**
 * The desktop route through a fake {@code notify-send} on the PATH: a real child process that answers as libnotify
 * 0.7.9+ does (the chosen action's name on its output), an older one without {@code --action}, and one that finds no
 * notification service.
 */
class NotifySendTest {
    private static final Reminder CALL = new Reminder(7, "--Call mum", Instant.parse("2026-11-21T10:30:00Z"),
            "Due now: --Call mum (11:30)");

    @TempDir
    Path folder;

    private void fakeNotifySend(String help, String answer, int exit) throws IOException {
        Path script = folder.resolve("notify-send");
        Files.writeString(script, "#!/bin/sh\n"
                + "if [ \"$1\" = \"--help\" ]; then echo '" + help + "'; exit 0; fi\n"
                + "printf '%s\\n' \"$@\" > \"$(dirname \"$0\")/args\"\n"
                + "echo 'GDBus.Error: no notification service' >&2\n"
                + "printf '" + answer + "\\n'\n"
                + "exit " + exit + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** What the route handed back: the choice's name, "closed" for none, or "not shown". */
    private String show(NotifySend route) throws Exception {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        route.show(CALL, choice -> outcome.complete(choice == null ? "closed" : choice.name()),
                () -> outcome.complete("not shown"));
        try {
            return outcome.get(20, TimeUnit.SECONDS);
        } finally {
            route.close();
        }
    }

    @Test
    void theChosenActionComesBackAndTheTitleIsNeverReadAsAnOption() throws Exception {
        fakeNotifySend("  -A, --action=[NAME=]Text...  Specifies the actions to display", "snooze-1h", 0);

        assertThat(show(new NotifySend("/nonexistent:" + folder))).isEqualTo("SNOOZE_1_HOUR");

        List<String> args = Files.readAllLines(folder.resolve("args"));
        assertThat(args).contains("--action=complete=Complete", "--action=snooze-10m=10 minutes",
                "--action=snooze-1h=1 hour", "--action=snooze-tomorrow=Tomorrow", "--app-name=TaskDesk");
        assertThat(args.subList(args.size() - 2, args.size())).containsExactly("--", "Due now: --Call mum (11:30)");
    }

    @Test
    void closingTheNotificationIsNoChoice() throws Exception {
        fakeNotifySend("--action", "", 0);

        assertThat(show(new NotifySend(folder.toString()))).isEqualTo("closed");
    }

    @Test
    void anOldNotifySendWithoutButtonsIsNotUsed() throws Exception {
        fakeNotifySend("  -u, --urgency=LEVEL", "complete", 0);

        assertThat(show(new NotifySend(folder.toString()))).isEqualTo("not shown");
        assertThat(folder.resolve("args")).as("never asked to show it").doesNotExist();
    }

    @Test
    void noNotificationServiceOrNoProgramMeansTheWindowShowsIt() throws Exception {
        assertThat(show(new NotifySend(folder.toString()))).as("no notify-send on the PATH").isEqualTo("not shown");

        fakeNotifySend("--action", "", 1);
        assertThat(show(new NotifySend(folder.toString()))).isEqualTo("not shown");
    }
}
