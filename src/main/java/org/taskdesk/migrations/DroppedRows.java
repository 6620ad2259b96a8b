package org.taskdesk.migrations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many rows each table that a downgrade drops holds, so the user can be told in their own words what would
 * go ("3 tasks and 2 accounts") before anything is removed. Tables without rows are left out.
 */
public record DroppedRows(Map<String, Long> rowsByTable) {
    /** The tables people know by another name, in the order they are most worth mentioning. */
    private static final Map<String, String[]> WORDS = words();

    public DroppedRows {
        rowsByTable = Map.copyOf(rowsByTable);
    }

    public boolean isEmpty() {
        return rowsByTable.values().stream().allMatch(count -> count == 0);
    }

    /** "3 tasks and 2 accounts", "1 task", "3 tasks, 2 accounts and 4 completion records". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        Map<String, Long> left = new LinkedHashMap<>(rowsByTable);
        for (Map.Entry<String, String[]> known : WORDS.entrySet()) {
            Long count = left.remove(known.getKey());
            if (count != null && count > 0) {
                parts.add(count + " " + (count == 1 ? known.getValue()[0] : known.getValue()[1]));
            }
        }
        left.entrySet().stream().filter(entry -> entry.getValue() > 0).sorted(Map.Entry.comparingByKey())
                .forEach(entry -> parts.add(entry.getValue() + " row" + (entry.getValue() == 1 ? "" : "s")
                        + " of table " + entry.getKey()));
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static Map<String, String[]> words() {
        Map<String, String[]> words = new LinkedHashMap<>();
        words.put("tasks", new String[] {"task", "tasks"});
        words.put("users", new String[] {"account", "accounts"});
        words.put("task_completions", new String[] {"completion record", "completion records"});
        words.put("saved_searches", new String[] {"saved search", "saved searches"});
        words.put("sessions", new String[] {"sign-in session", "sign-in sessions"});
        words.put("sign_in_attempts", new String[] {"sign-in attempt", "sign-in attempts"});
        return words;
    }
}
