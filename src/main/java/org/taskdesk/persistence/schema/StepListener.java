package org.taskdesk.persistence.schema;

/** Told as each migration step starts, so a person sees "Running upgrade 1 -> 2, create tasks table". */
@FunctionalInterface
interface StepListener {
    StepListener NONE = (from, to, description) -> { };

    void starting(int from, int to, String description);
}
