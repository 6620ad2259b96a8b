package org.taskdesk.transfer;

/**
 * RFC 5545 3.1 line folding: a content line longer than 75 octets of UTF-8 goes on in lines that start with a space,
 * never cutting a character in two.
 */
final class OctetFolding {
    static final int MAX_OCTETS = 75;

    private OctetFolding() {
    }

    /** Folds every line of {@code text}, whose lines end with CRLF. */
    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length() + text.length() / 64);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf("\r\n", start);
            end = end < 0 ? text.length() : end;
            foldLine(text, start, end, folded);
            folded.append("\r\n");
            start = end + 2;
        }
        return folded.toString();
    }

    /** Folds {@code text} from {@code start} to {@code end} (one line without its CRLF) into {@code out}. */
    private static void foldLine(String text, int start, int end, StringBuilder out) {
        int octets = 0;
        for (int i = start; i < end; ) {
            int codePoint = text.codePointAt(i);
            int size = utf8Length(codePoint);
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
    }

    /** How many octets UTF-8 takes for {@code codePoint} (a lone surrogate is written as '?', one octet). */
    static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            return 1;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
