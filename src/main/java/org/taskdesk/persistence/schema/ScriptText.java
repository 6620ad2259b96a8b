package org.taskdesk.persistence.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/**
 * What the shipped scripts say, read without a database: the SQL of an upgrade or downgrade for {@code --sql}, and
 * the tables a downgrade drops (so that their rows can be counted before anything goes).
 */
final class ScriptText {
    private static final Pattern DROP_TABLE = Pattern.compile(
            "(?im)^\\s*DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:\\w+\\.)?\"?(\\w+)\"?(.*)$");
    /**
     * Ends the line of a table that holds no one's data, only what the schema or 'server setup' rebuilds (the
     * function bodies a migration replaced, the server's room for person logins): a downgrade need not ask for it.
     */
    private static final String BOOKKEEPING = "-- bookkeeping";

    private final MigrationCatalog catalog;
    private final ClassLoader scripts;

    ScriptText(MigrationCatalog catalog, ClassLoader scripts) {
        this.catalog = catalog;
        this.scripts = scripts;
    }

    /** The tables the downgrade scripts from {@code from} down to {@code to} drop, in the order they run. */
    List<String> tablesDroppedBy(int from, int to) {
        List<String> tables = new ArrayList<>();
        List<MigrationScript> newestFirst = new ArrayList<>(catalog.scripts());
        Collections.reverse(newestFirst);
        for (MigrationScript script : newestFirst) {
            if (script.version() <= from && script.version() > to && script.downgradeResource() != null) {
                Matcher matcher = DROP_TABLE.matcher(read(script.downgradeResource()));
                while (matcher.find()) {
                    if (!matcher.group(2).contains(BOOKKEEPING)) {
                        tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return tables;
    }

    /** The SQL an upgrade from {@code from} to {@code to} would run, with a comment before each step. */
    String upgradeScript(int from, int to) {
        StringBuilder sql = new StringBuilder();
        int previous = from;
        for (MigrationScript script : catalog.scripts()) {
            if (script.version() > from && script.version() <= to) {
                sql.append("-- Running upgrade ").append(SchemaMigrator.label(previous)).append(" -> ").append(script.version())
                        .append(", ").append(script.description()).append('\n')
                        .append(read(script.upgradeResource()).strip()).append("\n\n");
                previous = script.version();
            }
        }
        return sql.toString();
    }

    /** The SQL a downgrade from {@code from} to {@code to} would run, with a comment before each step. */
    String downgradeScript(int from, int to) {
        StringBuilder sql = new StringBuilder();
        List<MigrationScript> scripts = new ArrayList<>(catalog.scripts());
        Collections.reverse(scripts);
        for (MigrationScript script : scripts) {
            if (script.version() <= from && script.version() > to) {
                sql.append("-- Running downgrade ").append(script.version()).append(" -> ")
                        .append(SchemaMigrator.label(catalog.previous(script.version()))).append(", ").append(script.description())
                        .append('\n').append(read(downgradeResource(script)).strip()).append("\n\n");
            }
        }
        return sql.toString();
    }

    String downgradeResource(MigrationScript script) {
        if (script.downgradeResource() == null) {
            throw new TaskDeskException(ErrorCode.MIGRATION_FAILED, "Version " + script.version() + " ("
                    + script.description() + ") has no downgrade script, so it cannot be undone; nothing was changed.");
        }
        return script.downgradeResource();
    }

    String read(String resource) {
        try (InputStream in = scripts.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
