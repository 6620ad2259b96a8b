package org.taskdesk.transfer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV file with the line each starts on, and commons-csv's failures turned into a {@link
 * TransferException} that says where: a quote not closed, text after a closing quote.
 */
final class CsvRows implements Iterable<CSVRecord> {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long endOfLast;
    private long startLine;

    CsvRows(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
        this.endOfLast = parser.getCurrentLineNumber();
    }

    static CSVParser open(CSVFormat format, String text) {
        try {
            return CSVParser.builder().setFormat(format).setReader(new StringReader(text)).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new TransferException("line 1", "the header cannot be read as CSV (" + cause(e) + ").", e);
        }
    }

    /** The header's column names in lower case, with their index; a name given twice is refused. */
    static Map<String, Integer> lowerCaseHeader(CSVParser parser) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (String name : parser.getHeaderNames()) {
            String key = CsvFormat.key(name);
            if (!key.isEmpty() && columns.putIfAbsent(key, columns.size()) != null) {
                throw new TransferException("line 1", "the header names the column '" + key + "' twice.");
            }
            if (key.isEmpty()) {
                columns.put("", columns.size());
            }
        }
        return columns;
    }

    /** The value in the column {@code name}, or empty when the row is shorter or the header has no such column. */
    static String field(CSVRecord row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= row.size() ? "" : row.get(index);
    }

    /** The line the row last returned by the iterator starts on (1 is the header). */
    long startLine() {
        return startLine;
    }

    @Override
    public Iterator<CSVRecord> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new TransferException("line " + (endOfLast + 1), "the CSV is broken there: a quote is not "
                            + "closed, or there is text after a closing quote (" + cause(e) + ").", e);
                }
            }

            @Override
            public CSVRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CSVRecord row = records.next();
                startLine = endOfLast + 1;
                endOfLast = parser.getCurrentLineNumber();
                return row;
            }
        };
    }

    /** A message from a task rule, as the end of "line 4: …". */
    static String sentence(String message) {
        String trimmed = message.strip();
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static String cause(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
