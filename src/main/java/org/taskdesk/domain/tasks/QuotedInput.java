package org.taskdesk.domain.tasks;

/**
 * What someone typed or a file held, put inside a one-line message: line breaks, tabs and other control characters
 * are shown as {@code \n}, {@code \t} or {@code \u0007}, so that a refusal stays one line in a terminal, a status
 * bar or an import's list of skipped rows, and the person sees where the odd character is.
 */
public final class QuotedInput {

    private QuotedInput() {
    }

    /** The value between double quotes, its control characters escaped; {@code ""} for null. */
    public static String quoted(String value) {
        return "\"" + escaped(value) + "\"";
    }

    /** The value with its control characters escaped and nothing else changed; {@code ""} for null. */
    public static String escaped(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(cp) || cp == '\u2028' || cp == '\u2029' || cp == '\u0085') {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
