package org.taskdesk.transfer;

import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.ParserException;

/** Where things are in an iCalendar text, for messages: the line each to-do starts on, a library error in words. */
final class IcsProblems {
    private IcsProblems() {
    }

    /** The line numbers (from 1) of each BEGIN:VTODO, in order. */
    static List<Integer> todoLines(String text) {
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (isLine(text, start, i, "BEGIN:VTODO")) {
                    lines.add(line);
                }
                line++;
                start = i + 1;
            }
        }
        return lines;
    }

    /** Whether {@code text} from {@code start} to {@code end}, stripped, is {@code wanted} in any case. */
    private static boolean isLine(String text, int start, int end, String wanted) {
        int from = start;
        int to = end;
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        return to - from == wanted.length() && text.regionMatches(true, from, wanted, 0, wanted.length());
    }

    /** The line a runtime failure of the parser names, else 1. */
    static int lineOf(String text, Exception e) {
        return e instanceof ParserException parser ? Math.max(1, parser.getLineNo()) : 1;
    }

    /** The library's message without its own "Error at line N:" prefix, which the position says already. */
    static String plain(Exception e) {
        Throwable shown = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        return message.replaceFirst("^Error at line \\d+:", "").strip();
    }
}
