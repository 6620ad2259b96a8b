package org.taskdesk.tasks;

/**
 * A search a person saved as a list of its own: its name in the sidebar and the filter behind it, in the filter
 * language (e.g. {@code is:open & (#work due:7d)}).
 */
public record SavedSearch(long id, String name, String filter) {
}
