package org.taskdesk.ui.reminders;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A reminder put off until later: the task, the due time it reminded of, and when to remind again. Kept in the
 * settings file so that a restart does not lose it; {@link #toSetting}/{@link #fromSetting} write and read the
 * entries of one person on one database ({@code owner}), leaving everyone else's entries as they are.
 */
public record Snooze(long taskId, Instant dueAt, Instant until) {

    /** Whose snoozes these are: one person on one database, without naming either in the file. */
    static String owner(String databaseName, int userId) {
        return Integer.toHexString((databaseName + "#" + userId).hashCode());
    }

    /** This owner's snoozes in {@code setting} (entries that do not read are skipped). */
    static List<Snooze> fromSetting(String setting, String owner) {
        List<Snooze> snoozes = new ArrayList<>();
        for (String entry : entries(setting)) {
            String[] parts = entry.split("/");
            if (parts.length == 4 && parts[0].equals(owner)) {
                try {
                    snoozes.add(new Snooze(Long.parseLong(parts[1]), Instant.ofEpochSecond(Long.parseLong(parts[2])),
                            Instant.ofEpochSecond(Long.parseLong(parts[3]))));
                } catch (NumberFormatException e) {
                    // written by hand or by another version: that one snooze is forgotten, the others are kept
                }
            }
        }
        return snoozes;
    }

    /** {@code setting} with this owner's entries replaced by {@code snoozes}. */
    static String toSetting(String setting, String owner, List<Snooze> snoozes) {
        List<String> kept = new ArrayList<>();
        for (String entry : entries(setting)) {
            if (!entry.startsWith(owner + "/")) {
                kept.add(entry);
            }
        }
        for (Snooze snooze : snoozes) {
            kept.add(owner + "/" + snooze.taskId + "/" + snooze.dueAt.getEpochSecond() + "/"
                    + snooze.until.getEpochSecond());
        }
        return String.join(";", kept);
    }

    private static List<String> entries(String setting) {
        List<String> entries = new ArrayList<>();
        for (String entry : (setting == null ? "" : setting).split(";")) {
            if (!entry.isBlank()) {
                entries.add(entry.strip());
            }
        }
        return entries;
    }
}
