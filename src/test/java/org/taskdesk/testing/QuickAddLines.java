package org.taskdesk.testing;

import java.time.Clock;
import java.time.ZonedDateTime;
import org.taskdesk.domain.tasks.QuickAdd;
import org.taskdesk.domain.tasks.QuickAddParser;

/** For tests that add tasks by their words: a line read as the quick-add bar and the command line read it. */
public final class QuickAddLines {
    private QuickAddLines() {
    }

    /** {@code line} read at {@code clock}'s time, in its zone. */
    public static QuickAdd quickAdd(String line, Clock clock) {
        return new QuickAddParser().parse(line, ZonedDateTime.now(clock));
    }
}
