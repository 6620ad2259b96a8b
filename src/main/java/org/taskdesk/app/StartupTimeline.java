package org.taskdesk.app;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.ui.StartupProbe;

/**
 * Writes each start-up stage to the log with the milliseconds since the process started ("Start-up: database opened
 * at 1234 ms"), so a slow start can be read from any user's log (ADR 0027), and passes the milestones on to the
 * benchmark's probe, which prints the stages too.
 */
final class StartupTimeline implements StartupProbe {
    private static final Logger LOG = LoggerFactory.getLogger(StartupTimeline.class);

    private final long startedAtMillis;
    private final StartupProbe then;
    private boolean firstFrameSeen;
    /** After the task list: signing in again later is no start-up stage. */
    private volatile boolean done;
    /**
     * Stages seen so far: one first reached after the task list (Hibernate's start, which the list no longer waits
     * for) is still logged, once.
     */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    StartupTimeline(long startedAtMillis, StartupProbe then) {
        this.startedAtMillis = startedAtMillis;
        this.then = then;
    }

    /** Counted from the process's start as the system saw it, else from now. */
    static StartupTimeline ofThisProcess(StartupProbe then) {
        long started = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli)
                .orElse(System.currentTimeMillis());
        return new StartupTimeline(started, then);
    }

    @Override
    public void firstFrame() {
        if (!firstFrameSeen) {
            firstFrameSeen = true;
            log("first frame");
        }
        then.firstFrame();
    }

    @Override
    public void taskListShown(int tasks) {
        if (!done) {
            done = true;
            log("task list shown (" + tasks + " tasks)");
        }
        then.taskListShown(tasks);
    }

    @Override
    public void reached(String stage) {
        if (seen.add(stage) || !done) {
            log(stage);
            then.reached(stage);
        }
    }

    private void log(String stage) {
        LOG.info("Start-up: {} at {} ms", stage, System.currentTimeMillis() - startedAtMillis);
    }
}
