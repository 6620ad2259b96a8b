package org.taskdesk.workspace;

import java.util.Optional;
import org.taskdesk.accounts.AccountService;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.tasks.SavedSearchService;
import org.taskdesk.tasks.StatisticsService;
import org.taskdesk.sync.Replica;
import org.taskdesk.sync.SyncRound;
import org.taskdesk.tasks.TaskService;
import org.taskdesk.transfer.TransferService;

/**
 * One opened database with the services over it: what the desktop app and the task commands work with.
 * Opening it brings a local database up to date; a shared server is only checked (its owner migrates it).
 */
public interface Workspace extends AutoCloseable {
    AccountService accounts();

    TaskService tasks();

    StatisticsService statistics();

    SavedSearchService savedSearches();

    /** Export and import of the tasks (iCalendar, CSV, JSON; Todoist's CSV in). */
    TransferService transfer();

    /**
     * The sync replica of this local file's accounts (issue 10); a shared server is no replica, and says so with a
     * {@link org.taskdesk.domain.TaskDeskException}.
     */
    default Replica replica() {
        throw new UnsupportedOperationException("This workspace keeps no replica");
    }

    /**
     * On a shared server worked on through this device's replica (ADR 0029): why the server could not be reached when
     * the person signed in, so that the replica is used as the last sync left it. Empty elsewhere, and when it answered.
     */
    default Optional<TaskDeskException> serverUnreachable() {
        return Optional.empty();
    }

    /**
     * On a shared server worked on through this device's replica: one sync round, which sends what {@code user}
     * changed here and brings what others changed. Elsewhere nothing: the change is already where it belongs.
     */
    default Optional<SyncRound> sendChanges(UserSession user) {
        return Optional.empty();
    }

    /** The database as people should see it: a file path or {@code postgresql://user@host/db}, no password. */
    String databaseName();

    @Override
    void close();
}
