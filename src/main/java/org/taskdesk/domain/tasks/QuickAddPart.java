package org.taskdesk.domain.tasks;

/**
 * One recognised piece of a quick-add line: what it is, and where it is ({@code start} inclusive,
 * {@code end} exclusive, in UTF-16 indices of the line, as JavaFX text controls count), and its text.
 */
public record QuickAddPart(Kind kind, int start, int end, String text) {

    /** What a piece of the line set. */
    public enum Kind {
        DATE, TIME, PRIORITY, TAG, RECURRENCE
    }
}
