package org.taskdesk.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.sync.Conflict;
import org.taskdesk.sync.SyncLink;
import org.taskdesk.sync.SyncRound;
import org.taskdesk.sync.SyncService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code taskdesk sync}: links the local account to a shared server's account and syncs the two (issue 10, ADR 0024).
 * Without a subcommand it runs one round. The local tasks work offline as always; only sync touches the network.
 */
@Command(name = "sync", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Sync your local tasks with a shared server: link, one round, status, conflicts.",
        synopsisSubcommandLabel = "[COMMAND]")
final class SyncCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    TaskDeskCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    Credentials credentials;

    @Option(names = "--allow-deletes", description = "Let this round delete the tasks the server deleted, even "
            + "more than a fifth of those here (without it, such a round stops and asks).")
    boolean allowDeletes;

    /** One round: push what waits, pull what changed. */
    @Override
    public Integer call() {
        return withSync((sync, user) -> {
            SyncRound round = sync.sync(user, allowDeletes);
            if (round.deletesHeld()) {
                // A refusal like 'account delete' without --yes: exit 2, one line, nothing deleted here.
                throw new TaskDeskException(ErrorCode.INVALID_INPUT, "The server would delete " + round.wouldDelete()
                        + " of " + round.tasksHere() + " tasks here. Run 'taskdesk sync --allow-deletes' to accept.");
            }
            StringBuilder line = new StringBuilder("Pushed " + count(round.pushed(), "change") + ", pulled "
                    + round.pulled());
            if (round.conflicts() > 0) {
                line.append(", ").append(count(round.conflicts(), "conflict")).append(" (see 'taskdesk sync conflicts')");
            }
            if (round.rejected() > 0) {
                line.append("; the server refused ").append(count(round.rejected(), "change"))
                        .append(" (see 'taskdesk sync status')");
            }
            out().println(line.append('.'));
            return 0;
        });
    }

    @Command(name = "link", mixinStandardHelpOptions = true,
            description = "Link your local account to the account with the same email on a shared server (made there "
                    + "if needed); the server password comes from TASKDESK_SERVER_PASSWORD, TASKDESK_PASSWORD or a prompt.")
    int link(@Option(names = "--server", required = true, paramLabel = "URL",
            description = "The shared server, e.g. postgresql://client@host:5432/tasks") String server) {
        return withSync((sync, user) -> {
            String variable = root.services().variable("TASKDESK_SERVER_PASSWORD") != null ? "TASKDESK_SERVER_PASSWORD"
                    : "TASKDESK_PASSWORD";
            String password = Credentials.password(root.services(), variable,
                    "Password for " + user.account().email() + " on the server");
            SyncLink link = sync.link(user, server, password);
            out().println("Linked " + TerminalText.escape(link.serverEmail()) + " to " + masked(server) + ": "
                    + count(link.waiting(), "change") + " wait for 'taskdesk sync'.");
            return 0;
        });
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Where sync stands.")
    int status() {
        return withSync((sync, user) -> {
            java.util.Optional<SyncLink> found = sync.status(user);
            if (found.isEmpty()) {
                out().println("Not linked: 'taskdesk sync link --server URL' links this account to a shared server.");
                return 0;
            }
            SyncLink link = found.get();
            out().println("Linked to " + masked(link.serverUrl()) + " as " + TerminalText.escape(link.serverEmail()));
            out().println("Last sync: " + (link.lastSyncAt() == null ? "never" : when(link.lastSyncAt())));
            out().println("Waiting to be pushed: " + count(link.waiting(), "change"));
            out().println("Conflicts: " + link.openConflicts()
                    + (link.openConflicts() > 0 ? " (see 'taskdesk sync conflicts')" : ""));
            if (link.rejectedCount() > 0) {
                out().println("Refused by the server: " + count(link.rejectedCount(), "change") + "; the last because "
                        + TerminalText.escape(link.lastRejection()));
            }
            if (link.lastError() != null) {
                out().println("Last round failed: " + TerminalText.escape(link.lastError()));
            }
            return 0;
        });
    }

    @Command(name = "unlink", mixinStandardHelpOptions = true,
            description = "Stop syncing this account; the local tasks stay as they are.")
    int unlink() {
        return withSync((sync, user) -> {
            String server = sync.status(user).map(SyncLink::serverUrl).orElse(null);
            sync.unlink(user);
            out().println("Unlinked from " + masked(server) + "; your local tasks stay as they are.");
            return 0;
        });
    }

    @Command(name = "conflicts", mixinStandardHelpOptions = true,
            description = "Values of this device that a sync overwrote, numbered for 'taskdesk sync restore N'.")
    int conflicts(@Option(names = "--json", description = "Print a JSON array.") boolean json) {
        return withSync((sync, user) -> {
            List<Conflict> conflicts = sync.conflicts(user);
            if (json) {
                out().println(Json.write(conflicts.stream().map(SyncCommand::json).toList()));
            } else if (conflicts.isEmpty()) {
                out().println("No conflicts.");
            } else {
                for (Conflict conflict : conflicts) {
                    out().println(conflict.number() + ". " + TerminalText.escape(conflict.taskTitle()) + ": "
                            + conflict.field() + " " + TerminalText.escape(conflict.lostValue()) + " lost to "
                            + TerminalText.escape(conflict.wonValue()) + " from " + conflict.winner() + " ("
                            + when(conflict.recordedAt()) + ")");
                }
            }
            return 0;
        });
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Put back the value that lost in conflict N, as a new edit that the next sync pushes.")
    int restore(@Parameters(paramLabel = "N") int number) {
        return withSync((sync, user) -> {
            Conflict conflict = sync.restore(user, number);
            out().println("Restored the " + conflict.field() + " of '" + TerminalText.escape(conflict.taskTitle())
                    + "' to " + TerminalText.escape(conflict.lostValue()) + "; 'taskdesk sync' sends it.");
            return 0;
        });
    }

    private int withSync(BiFunction<SyncService, UserSession, Integer> work) {
        Services services = root.services();
        return SignedIn.run(services, credentials, spec.qualifiedName(), (workspace, user) -> work.apply(
                new SyncService(workspace.replica(), services.syncServers(), services.syncTokens(), services.clock()),
                user));
    }

    private static Map<String, Object> json(Conflict conflict) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", conflict.number());
        fields.put("task", conflict.taskUid().toString());
        fields.put("title", conflict.taskTitle());
        fields.put("field", conflict.field());
        fields.put("lost", conflict.lostValue());
        fields.put("won", conflict.wonValue());
        fields.put("winner", conflict.winner());
        fields.put("at", conflict.recordedAt().toString());
        return fields;
    }

    private String when(Instant instant) {
        return WHEN.format(instant.atZone(zone()));
    }

    private ZoneId zone() {
        return root.services().clock().getZone();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The server URL without its password, if it holds one. */
    static String masked(String url) {
        return url == null ? "the server" : TerminalText.escape(url.replaceAll("(?i)(://[^/@:?#]*:)[^@]*@", "$1***@"));
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
