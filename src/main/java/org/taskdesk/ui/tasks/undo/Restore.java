package org.taskdesk.ui.tasks.undo;

import java.util.ArrayList;
import java.util.List;
import org.taskdesk.accounts.UserSession;
import org.taskdesk.domain.tasks.Task;
import org.taskdesk.tasks.TaskService;

/** Puts tasks back exactly as they were: every field, including done, the due date and a repeat's count. */
final class Restore {
    private Restore() {
    }

    static List<Task> all(TaskService service, UserSession user, TaskIds ids, List<Task> snapshots) {
        List<Task> restored = new ArrayList<>();
        for (Task old : snapshots) {
            restored.add(service.update(user, ids.current(old.id()), current -> old.withId(current.id())));
        }
        return restored;
    }
}
