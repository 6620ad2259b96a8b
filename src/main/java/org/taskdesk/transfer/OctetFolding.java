package org.taskdesk.transfer;

import java.nio.charset.StandardCharsets;

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
            foldLine(text.substring(start, end), folded);
            folded.append("\r\n");
            start = end + 2;
        }
        return folded.toString();
    }

    private static void foldLine(String line, StringBuilder out) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
    }
}
