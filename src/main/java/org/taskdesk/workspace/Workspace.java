package org.taskdesk.workspace;

import org.taskdesk.accounts.AccountService;
import org.taskdesk.tasks.SavedSearchService;
import org.taskdesk.tasks.StatisticsService;
import org.taskdesk.sync.Replica;
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

    /** The database as people should see it: a file path or {@code postgresql://user@host/db}, no password. */
    String databaseName();

    @Override
    void close();
}
