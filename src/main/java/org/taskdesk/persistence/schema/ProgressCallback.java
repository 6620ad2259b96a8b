package org.taskdesk.persistence.schema;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/** Relays Flyway's "about to run migration N" to a {@link StepListener}, and remembers the step it is on. */
final class ProgressCallback implements Callback {
    private final StepListener listener;
    private int previous;
    private MigrationInfo running;

    ProgressCallback(StepListener listener, int startVersion) {
        this.listener = listener;
        this.previous = startVersion;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        running = context.getMigrationInfo();
        int version = Integer.parseInt(running.getVersion().getVersion());
        listener.starting(previous, version, running.getDescription());
        previous = version;
    }

    @Override
    public String getCallbackName() {
        return "taskdesk-progress";
    }

    /** The migration that was started last, or null: on failure, the one that failed. */
    MigrationInfo running() {
        return running;
    }
}
