package org.taskdesk.migrations;

import java.util.List;
import java.util.Locale;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/**
 * Alembic's ways of naming where to go: {@code head}, {@code base}, a version number, or a relative step
 * ({@code +2}, {@code -1}) counted in known revisions from the current one.
 */
final class RevisionTarget {
    private RevisionTarget() {
    }

    static int forUpgrade(String text, int current, List<Integer> versions) {
        String target = normalise(text, "head");
        int head = versions.isEmpty() ? 0 : versions.get(versions.size() - 1);
        if (target.equals("head") || target.equals("heads")) {
            return head;
        }
        if (target.startsWith("-")) {
            // Integer.parseInt reads "-1" as a version, which no revision has; say what the user meant instead.
            int steps = steps(target, "upgrade");
            throw invalid("'" + target + "' counts steps down, but an upgrade goes up: write +" + steps + " for "
                    + (steps == 1 ? "one step" : steps + " steps") + " up, or 'taskdesk db downgrade " + target
                    + "' to undo " + (steps == 1 ? "one" : "them") + ".");
        }
        if (target.startsWith("+")) {
            int steps = steps(target, "upgrade");
            int index = versions.indexOf(current) + steps; // current 0 (base) is at -1
            if (index >= versions.size()) {
                int available = versions.size() - 1 - versions.indexOf(current);
                throw invalid("Cannot upgrade " + steps + " step" + plural(steps) + " from " + Revision.label(current)
                        + ": only " + available + " newer revision" + plural(available) + " (head is " + head + ").");
            }
            return versions.get(index);
        }
        return known(target, versions, "upgrade");
    }

    static int forDowngrade(String text, int current, List<Integer> versions) {
        String target = normalise(text, "-1");
        if (target.equals("base") || target.equals("0")) {
            return 0;
        }
        if (target.startsWith("+")) {
            // Integer.parseInt reads "+1" as version 1: "downgrade +1" once dropped the tasks table that way.
            int steps = steps(target, "downgrade");
            throw invalid("'" + target + "' counts steps up, but a downgrade goes down: write -" + steps + " to undo "
                    + (steps == 1 ? "one step" : steps + " steps") + ", or a version number such as 1 to go down to it.");
        }
        if (target.startsWith("-")) {
            int steps = steps(target, "downgrade");
            int index = versions.indexOf(current) - steps;
            if (index < -1) {
                int available = versions.indexOf(current) + 1;
                throw invalid("Cannot downgrade " + steps + " step" + plural(steps) + " from "
                        + Revision.label(current) + ": only " + available + " revision" + plural(available)
                        + " applied.");
            }
            return index == -1 ? 0 : versions.get(index);
        }
        return known(target, versions, "downgrade");
    }

    /** A version for {@code stamp}: head, base, or a known number. */
    static int forStamp(String text, List<Integer> versions) {
        String target = normalise(text, null);
        if (target.equals("base") || target.equals("0")) {
            return 0;
        }
        if (target.equals("head") || target.equals("heads")) {
            return versions.isEmpty() ? 0 : versions.get(versions.size() - 1);
        }
        return known(target, versions, "stamp");
    }

    private static String normalise(String text, String fallback) {
        if (text == null || text.isBlank()) {
            if (fallback == null) {
                throw invalid("Name a revision: head, base or a version number such as 2.");
            }
            return fallback;
        }
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static int known(String target, List<Integer> versions, String command) {
        int version;
        try {
            version = Integer.parseInt(target);
        } catch (NumberFormatException e) {
            String relative = command.equals("upgrade") ? ", +N" : command.equals("downgrade") ? ", -N" : "";
            throw invalid("Unknown revision '" + target + "': use head, base, a version number such as 2" + relative
                    + ". 'taskdesk db history' lists them.");
        }
        if (!versions.contains(version)) {
            throw invalid("Unknown revision " + version + ": this TaskDesk knows "
                    + (versions.isEmpty() ? "none" : versions.get(0) + " to " + versions.get(versions.size() - 1))
                    + ". 'taskdesk db history' lists them.");
        }
        return version;
    }

    private static int steps(String target, String command) {
        try {
            int steps = Integer.parseInt(target.substring(1));
            if (steps < 1) {
                throw new NumberFormatException();
            }
            return steps;
        } catch (NumberFormatException e) {
            throw invalid("'" + target + "' is not a step count: write " + (command.equals("upgrade") ? "+1" : "-1")
                    + " for one step.");
        }
    }

    private static String plural(int count) {
        return count == 1 ? "" : "s";
    }

    private static TaskDeskException invalid(String message) {
        return new TaskDeskException(ErrorCode.INVALID_INPUT, message);
    }
}
