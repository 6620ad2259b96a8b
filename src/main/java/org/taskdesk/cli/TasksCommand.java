package org.taskdesk.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.tasks.Due;
import org.taskdesk.domain.tasks.Priority;
import org.taskdesk.domain.tasks.QuickAdd;
import org.taskdesk.domain.tasks.QuickAddParser;
import org.taskdesk.domain.tasks.RecurrenceRule;
import org.taskdesk.domain.tasks.Tags;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.domain.tasks.TaskCompletion;
import org.taskdesk.tasks.TaskPage;
import org.taskdesk.tasks.TaskQuery;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.tasks.TaskSort;
import org.taskdesk.transfer.TransferFormat;
import org.taskdesk.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code taskdesk tasks}: scriptable task management, signed in with --email and TASKDESK_PASSWORD. */
@Command(name = "tasks", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Add, list, show, edit, complete, remove, export and import your tasks.", synopsisSubcommandLabel = "COMMAND")
final class TasksCommand {
    @ParentCommand
    TaskDeskCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    Credentials credentials;

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a task from one line, e.g. \"Pay rent tomorrow 9am #home !high every month\".")
    int add(@Parameters(arity = "1..*", paramLabel = "TEXT") List<String> words) {
        return signedIn((tasks, user) -> {
            Task task = tasks.add(user, new QuickAddParser().parse(String.join(" ", words), now()));
            out().println("Added " + TaskText.line(task, now()));
            return 0;
        });
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List tasks matching a filter (default: is:open), e.g. '#work & due:7d'.")
    int list(@Parameters(arity = "0..*", paramLabel = "FILTER") List<String> filter,
             @Option(names = "--sort", defaultValue = "due", paramLabel = "ORDER",
                     description = "due, priority, created or title (default: due)") TaskSort sort,
             @Option(names = "--page", defaultValue = "1", description = "Page number, from 1.") int page,
             @Option(names = "--page-size", defaultValue = "1000", description = "Tasks per page.") int pageSize,
             @Option(names = "--json", description = "Print a JSON array.") boolean json) {
        if (pageSize < 1 || pageSize > TaskQuery.MAX_LIMIT) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "--page-size " + pageSize + " is out of range: a page "
                    + "holds 1 to " + TaskQuery.MAX_LIMIT + " tasks.");
        }
        if (page < 1) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "--page " + page + " is out of range: pages are "
                    + "numbered from 1 (to " + Integer.MAX_VALUE + ").");
        }
        String filterText = filter == null || filter.isEmpty() ? "is:open" : String.join(" ", filter);
        TaskQuery query = TaskQuery.of(filterText).sortedBy(sort).page(page, pageSize);
        return reading((tasks, user) -> {
            TaskPage result = tasks.list(user, query);
            if (json) {
                out().println(Json.write(result.tasks().stream().map(TaskText::json).toList()));
            } else if (result.tasks().isEmpty()) {
                out().println(result.total() == 0 ? "No tasks match '" + filterText + "'." : "No tasks on page " + page + ".");
            } else {
                result.tasks().forEach(task -> out().println(TaskText.line(task, now())));
                if (result.hasMore()) {
                    out().println("… " + (result.total() - result.offset() - result.tasks().size())
                            + " more: --page " + ((long) page + 1));
                }
            }
            return 0;
        });
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one task in full.")
    int show(@Parameters(paramLabel = "ID") long id) {
        return reading((tasks, user) -> {
            out().print(TaskText.details(tasks.get(user, id), now()));
            return 0;
        });
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Change a task's fields.")
    int edit(@Parameters(paramLabel = "ID") long id,
             @Option(names = "--title") String title,
             @Option(names = "--description") String description,
             @Option(names = "--priority", description = "none, low, medium or high") String priority,
             @Option(names = "--tags", paramLabel = "TAG,…", description = "Replace the tags (empty for none).") String tags,
             @Option(names = "--due", paramLabel = "WHEN",
                     description = "2026-12-24, '2026-12-24 09:00', 'tomorrow 9am', 'next week'… or none") String due,
             @Option(names = "--repeat", paramLabel = "RULE",
                     description = "'every monday', 'every 2 weeks', an RRULE like FREQ=DAILY, or none") String repeat) {
        return signedIn((tasks, user) -> {
            Instant at = clock().instant();
            Task changed = tasks.update(user, id, task -> {
                Task result = task;
                if (title != null) {
                    result = result.withTitle(title, at);
                }
                if (description != null) {
                    result = result.withDescription(description, at);
                }
                if (priority != null) {
                    result = result.withPriority(Priority.parse(priority), at);
                }
                if (tags != null) {
                    result = result.withTags(tags.isBlank() ? Tags.EMPTY : Tags.of(tags.split(",")), at);
                }
                if (due != null && repeat != null) {
                    // Both change: the new due date is checked against the new repeat's end, not the old one's.
                    result = result.withRecurrence(null, at);
                }
                if (due != null) {
                    result = result.withDue(parseDue(due), at);
                }
                if (repeat != null) {
                    result = result.withRecurrence(parseRepeat(repeat, result.due()), at);
                }
                return result;
            });
            out().println("Saved " + TaskText.line(changed, now()));
            return 0;
        });
    }

    @Command(name = "done", mixinStandardHelpOptions = true, description = "Complete tasks; a recurring one moves to its next date.")
    int done(@Parameters(arity = "1..*", paramLabel = "ID") List<Long> ids) {
        return signedIn((tasks, user) -> {
            for (long id : ids) {
                TaskCompletion.Result result = tasks.complete(user, id);
                out().println(result.advanced()
                        ? "Completed #" + id + "; next: " + DueText.describe(result.task().due(), now())
                        : "Completed " + TaskText.line(result.task(), now()));
            }
            return 0;
        });
    }

    @Command(name = "undone", mixinStandardHelpOptions = true, description = "Mark tasks as not done.")
    int undone(@Parameters(arity = "1..*", paramLabel = "ID") List<Long> ids) {
        return signedIn((tasks, user) -> {
            ids.forEach(id -> out().println("Reopened " + TaskText.line(tasks.reopen(user, id), now())));
            return 0;
        });
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Delete tasks.")
    int rm(@Parameters(arity = "1..*", paramLabel = "ID") List<Long> ids) {
        return signedIn((tasks, user) -> {
            for (long id : ids) {
                String title = tasks.get(user, id).title();
                tasks.delete(user, id);
                out().println("Deleted #" + id + " " + TerminalText.escape(title));
            }
            return 0;
        });
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write tasks (all, or those matching a filter) as iCalendar, CSV or TaskDesk's JSON.")
    int export(@Parameters(arity = "0..*", paramLabel = "FILTER", description = "e.g. '#work & !is:done'; none: all")
               List<String> filter,
               @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "ics, csv or json")
               String format,
               @Option(names = {"-o", "--output"}, paramLabel = "FILE",
                       description = "Write to FILE (replaced whole, never half-written) instead of standard output.")
               Path output) {
        TransferFormat chosen = TransferFormat.named(format);
        String filterText = filter == null ? "" : String.join(" ", filter);
        return readingFrom((workspace, user) -> {
            if (output == null) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                workspace.transfer().export(user, filterText, chosen, bytes);
                out().print(bytes.toString(StandardCharsets.UTF_8));
                out().flush();
                return 0;
            }
            int count = workspace.transfer().exportToFile(user, filterText, chosen, output);
            out().println("Exported " + count + (count == 1 ? " task" : " tasks") + " to " + output + ".");
            return 0;
        });
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Add or update tasks from an iCalendar, CSV, TaskDesk JSON or Todoist CSV file, all or none.")
    int importFile(@Parameters(paramLabel = "FILE") Path file,
                   @Option(names = "--format", paramLabel = "FORMAT",
                           description = "ics, csv, json or todoist (default: from the file's name; a Todoist CSV is "
                                   + "recognised by its header)") String format,
                   @Option(names = "--dry-run", description = "Say what would change, and change nothing.") boolean dryRun) {
        TransferFormat chosen = format == null ? TransferFormat.ofFileName(file.getFileName().toString())
                : TransferFormat.named(format);
        BiFunction<Workspace, UserSession, Integer> work = (workspace, user) -> {
            out().println(TerminalText.escape(workspace.transfer().importFile(user, file, chosen, dryRun).describe()));
            return 0;
        };
        return dryRun ? readingFrom(work) : signedInTo(work);
    }

    private Due parseDue(String text) {
        if (text.isBlank() || text.equalsIgnoreCase("none")) {
            return null;
        }
        String iso = text.strip().replace('T', ' ');
        try {
            if (iso.length() == 10) {
                return Due.on(LocalDate.parse(iso));
            }
            if (iso.length() == 16) {
                return Due.at(LocalDate.parse(iso.substring(0, 10)), LocalTime.parse(iso.substring(11)));
            }
        } catch (DateTimeParseException e) {
            // not ISO: try the words quick add understands
        }
        QuickAdd parsed = new QuickAddParser().parse(text, now());
        if (parsed.dueDate() == null) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Cannot read the date '" + text
                    + "': write 2026-12-24, '2026-12-24 09:00', 'tomorrow 9am' or none.");
        }
        return parsed.due();
    }

    /**
     * The repeat {@code text} for a task {@code due} then: its words are read as of that date, so "every month" for
     * a task due on the 31st means the 31st or the month's last day (as quick add does), whatever today is.
     */
    private RecurrenceRule parseRepeat(String text, Due due) {
        if (text.isBlank() || text.equalsIgnoreCase("none")) {
            return null;
        }
        if (text.strip().toUpperCase(Locale.ROOT).startsWith("FREQ=")) {
            return RecurrenceRule.parse(text.strip());
        }
        QuickAdd parsed = new QuickAddParser().parse(text, due == null ? now() : now().with(due.date()));
        if (!parsed.problems().isEmpty()) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, parsed.problems().get(0));
        }
        // All of it must be the repeat: words left over ("every day at 9am") would otherwise be dropped unsaid.
        boolean wholeText = parsed.parts().size() == 1 && parsed.recurrence() != null
                && parsed.parts().get(0).text().strip().equals(text.strip());
        if (!wholeText) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Cannot read the repeat '" + text
                    + "': write 'every day', 'every monday and thursday', 'every 2nd tuesday', "
                    + "'every week until 2026-12-31', an RRULE, or none.");
        }
        return parsed.recurrence();
    }

    /**
     * Opens the database, runs {@code work} as the person of the session {@code taskdesk login} remembered, or else
     * signs in with the password for this one command and signs out after it.
     */
    private int signedIn(BiFunction<TaskService, UserSession, Integer> work) {
        return signedInTo((workspace, user) -> work.apply(workspace.tasks(), user));
    }

    /** Like {@link #signedIn}, for a command that only reads. */
    private int reading(BiFunction<TaskService, UserSession, Integer> work) {
        return readingFrom((workspace, user) -> work.apply(workspace.tasks(), user));
    }

    /** Like {@link #signedIn}, for a command that needs more of the workspace than its tasks. */
    private int signedInTo(BiFunction<Workspace, UserSession, Integer> work) {
        return SignedIn.run(root.services(), credentials, spec.qualifiedName(), (workspace, user) -> {
            // On a shared server's replica (ADR 0029) a change needs the server: it is pulled first (at sign-in) and
            // sent at once, so that the command acts on the server's state and its change reaches the server.
            workspace.serverUnreachable().ifPresent(offline -> {
                throw offline;
            });
            int result = work.apply(workspace, user);
            send(workspace, user);
            return result;
        });
    }

    /** Like {@link #signedInTo}, for a command that only reads: an unreachable server's replica is read as it is. */
    private int readingFrom(BiFunction<Workspace, UserSession, Integer> work) {
        return SignedIn.run(root.services(), credentials, spec.qualifiedName(), (workspace, user) -> {
            workspace.serverUnreachable().ifPresent(offline -> err().println("Offline: " + workspace.databaseName()
                    + " cannot be reached, so this is this device's copy as of its last sync."));
            return work.apply(workspace, user);
        });
    }

    /**
     * Sends what the command changed on a shared server's replica. The change is saved on this device whatever
     * happens here, and waits there for the next command or 'taskdesk sync': failing the command would invite running
     * it again, and adding a task twice.
     */
    private void send(Workspace workspace, UserSession user) {
        try {
            workspace.sendChanges(user).filter(round -> round.rejected() > 0).ifPresent(round -> err().println(
                    "The server refused " + round.rejected() + (round.rejected() == 1 ? " change" : " changes")
                    + " (see 'taskdesk sync status')."));
        } catch (TaskDeskException e) {
            if (e.code() != ErrorCode.DATABASE_UNAVAILABLE) {
                throw e;
            }
            err().println("Saved on this device, but " + workspace.databaseName() + " could not be reached to send it: "
                    + "the next command or 'taskdesk sync' sends it.");
        }
    }

    private Clock clock() {
        return root.services().clock();
    }

    private ZonedDateTime now() {
        return ZonedDateTime.now(clock());
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
