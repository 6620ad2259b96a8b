package org.taskdesk.domain.tasks;

/**
 * The limits on a task's text, in one place so that the UI can show them next to the fields and the
 * database columns can be sized from them.
 */
public final class TaskRules {

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 10_000;

    private TaskRules() {
    }

    /**
     * Returns the trimmed title.
     *
     * @throws InvalidTaskException if it is empty or longer than {@value #MAX_TITLE_LENGTH} characters
     */
    public static String checkTitle(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw new InvalidTaskException("The title is empty; type what the task is about.");
        }
        // Characters as people count them (code points), so an emoji counts once, matching the varchar limit.
        int length = t.codePointCount(0, t.length());
        if (length > MAX_TITLE_LENGTH) {
            throw new InvalidTaskException("Title is " + length + " characters long; keep it to "
                    + MAX_TITLE_LENGTH + " or fewer.");
        }
        return t;
    }

    /**
     * Returns the description, with null read as empty.
     *
     * @throws InvalidTaskException if it is longer than {@value #MAX_DESCRIPTION_LENGTH} characters
     */
    public static String checkDescription(String description) {
        if (description == null) {
            return "";
        }
        int length = description.codePointCount(0, description.length());
        if (length > MAX_DESCRIPTION_LENGTH) {
            throw new InvalidTaskException(String.format(java.util.Locale.ROOT,
                    "Description is %,d characters long; keep it to %,d or fewer.", length, MAX_DESCRIPTION_LENGTH));
        }
        return description;
    }
}
