package org.taskdesk.tasks;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.domain.tasks.TaskFilter;

/**
 * A signed-in person's saved searches: filters kept under a name, shown as lists in the sidebar. A name has 1 to
 * {@value #MAX_NAME_LENGTH} characters and is the person's only one of that name, whatever its case (two lists
 * "Work" and "work" could not be told apart in the sidebar); the filter must read.
 */
public final class SavedSearchService {
    public static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_FILTER_LENGTH = 1000;

    private final SavedSearchStorage storage;
    private final Clock clock;

    public SavedSearchService(SavedSearchStorage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** The person's saved searches by name, ignoring case. */
    public List<SavedSearch> list(UserSession user) {
        return inOneTransaction(user, SavedSearchRepository::all).stream()
                .sorted(Comparator.comparing((SavedSearch s) -> s.name().toLowerCase(Locale.ROOT))
                        .thenComparing(SavedSearch::name))
                .toList();
    }

    /**
     * Saves {@code filter} under {@code name}.
     *
     * @throws TaskDeskException INVALID_INPUT for an empty or too long name, a name in use or a filter that does not
     *                           read (a {@link org.taskdesk.domain.tasks.FilterSyntaxException} with its position)
     */
    public SavedSearch save(UserSession user, String name, String filter) {
        String checkedName = checkName(name);
        String checkedFilter = checkFilter(filter);
        return inOneTransaction(user, changes -> {
            requireFree(changes, checkedName, -1);
            return changes.add(checkedName, checkedFilter, clock.instant());
        });
    }

    /** Gives the saved search {@code id} a new name, under the rules of {@link #save}. */
    public SavedSearch rename(UserSession user, long id, String name) {
        String checkedName = checkName(name);
        return inOneTransaction(user, changes -> {
            requireFree(changes, checkedName, id);
            return changes.rename(id, checkedName).orElseThrow(() -> notFound(id));
        });
    }

    public void delete(UserSession user, long id) {
        inOneTransaction(user, changes -> {
            if (!changes.delete(id)) {
                throw notFound(id);
            }
            return null;
        });
    }

    /** The trimmed name. */
    private static String checkName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Give the saved search a name, e.g. \"Work this week\".");
        }
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > MAX_NAME_LENGTH) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "The name is " + length + " characters long; keep it "
                    + "to " + MAX_NAME_LENGTH + " or fewer.");
        }
        return trimmed;
    }

    /** The trimmed filter, once it reads. */
    private static String checkFilter(String filter) {
        String trimmed = filter == null ? "" : filter.strip();
        if (trimmed.isEmpty()) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Type a search first: an empty one shows every task.");
        }
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length > MAX_FILTER_LENGTH) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "The search is " + length + " characters long; keep "
                    + "it to " + MAX_FILTER_LENGTH + " or fewer.");
        }
        TaskFilter.parse(trimmed);
        return trimmed;
    }

    private static void requireFree(SavedSearchRepository changes, String name, long except) {
        for (SavedSearch existing : changes.all()) {
            if (existing.id() != except && existing.name().equalsIgnoreCase(name)) {
                throw new TaskDeskException(ErrorCode.INVALID_INPUT, "You already have a saved search named \""
                        + existing.name() + "\": choose another name.");
            }
        }
    }

    private static TaskDeskException notFound(long id) {
        return new TaskDeskException(ErrorCode.NOT_FOUND, "There is no saved search #" + id + " in your lists.");
    }

    private <T> T inOneTransaction(UserSession user, Function<SavedSearchRepository, T> changes) {
        return storage.inOneTransaction(user.userId(), user.token(), changes);
    }
}
