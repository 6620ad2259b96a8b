package org.taskdesk.ui.reminders;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.ui.common.Messages;
import org.taskdesk.ui.reminders.ReminderSchedule.Reminder;

/**
 * Desktop notifications through the freedesktop notification service, by way of {@code notify-send} (libnotify
 * 0.7.9 or newer): with {@code --action} it shows the buttons, waits until the notification is clicked or closed,
 * and prints the chosen action's name. Each notification waits on a thread of its own, never the JavaFX thread
 * nor the one background thread the database work queues on. Where there is no {@code notify-send}, or one too old
 * to know {@code --action}, or no notification service answers it (it then exits with an error), the reminder is
 * handed back as not shown.
 */
final class NotifySend implements ReminderNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(NotifySend.class);

    private final String searchPath;
    private final ExecutorService waiting = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "reminder-notification");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Process> shown = ConcurrentHashMap.newKeySet();
    // Found once, on a waiting thread: null until then.
    private volatile Optional<Path> program;

    /** @param searchPath where to look for {@code notify-send}: the {@code PATH} environment variable */
    NotifySend(String searchPath) {
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    @Override
    public void show(Reminder reminder, Consumer<ReminderChoice> chosen, Runnable notShown) {
        waiting.execute(() -> {
            Optional<Path> notifySend = program();
            if (notifySend.isEmpty()) {
                notShown.run();
                return;
            }
            List<String> command = new ArrayList<>(List.of(notifySend.get().toString(),
                    "--app-name=" + Messages.text("app.name"), "--icon=taskdesk"));
            for (ReminderChoice choice : ReminderChoice.values()) {
                command.add("--action=" + choice.action() + "=" + choice.label());
            }
            // "--" ends the options, so a title that starts with a dash is never read as one.
            command.addAll(List.of("--", reminder.message()));
            try {
                Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                shown.add(process);
                String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                int exit = process.waitFor();
                shown.remove(process);
                if (exit != 0) {
                    LOG.info("notify-send could not show a reminder (exit {}): shown in the window", exit);
                    notShown.run();
                    return;
                }
                chosen.accept(ReminderChoice.ofAction(answer));
            } catch (IOException e) {
                LOG.info("notify-send could not be run: {}; the reminder is shown in the window", e.getMessage());
                notShown.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // closing: nothing more to show
            }
        });
    }

    /** Takes the notifications still shown down with the program (their {@code notify-send}s end). */
    @Override
    public void close() {
        shown.forEach(Process::destroy);
        waiting.shutdownNow();
    }

    private Optional<Path> program() {
        Optional<Path> found = program;
        if (found == null) {
            found = find(searchPath).filter(NotifySend::knowsActions);
            program = found;
        }
        return found;
    }

    private static Optional<Path> find(String searchPath) {
        for (String folder : searchPath.split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, "notify-send");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether this {@code notify-send} has buttons: {@code --action} came with libnotify 0.7.9. */
    private static boolean knowsActions(Path notifySend) {
        try {
            Process help = new ProcessBuilder(notifySend.toString(), "--help")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            help.waitFor();
            if (!text.contains("--action")) {
                LOG.info("{} is older than libnotify 0.7.9 (no --action): reminders are shown in the window",
                        notifySend);
                return false;
            }
            return true;
        } catch (IOException e) {
            LOG.info("{} could not be run: {}", notifySend, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
