package org.taskdesk.persistence.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The user tables of a database as text: columns, keys, foreign keys and indexes, through JDBC metadata. On
 * PostgreSQL also what JDBC metadata cannot see and the security migration creates: functions (with their
 * SECURITY DEFINER, settings, body and privileges), row-level security, policies, extensions and table privileges.
 */
final class SchemaSnapshot {
    private SchemaSnapshot() {
    }

    static String of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        List<String> lines = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (!table.equalsIgnoreCase(SchemaHistory.TABLE)) {
                    tables.add(table);
                }
            }
        }
        tables.sort(null);
        for (String table : tables) {
            try (ResultSet rs = meta.getColumns(connection.getCatalog(), schema, table, "%")) {
                while (rs.next()) {
                    lines.add(table + " column " + rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + "("
                            + rs.getInt("COLUMN_SIZE") + ") nullable=" + rs.getString("IS_NULLABLE") + " default="
                            + normaliseDefault(rs.getString("COLUMN_DEF")));
                }
            }
            try (ResultSet rs = meta.getPrimaryKeys(connection.getCatalog(), schema, table)) {
                while (rs.next()) {
                    lines.add(table + " primary key " + rs.getString("PK_NAME") + " " + rs.getString("COLUMN_NAME"));
                }
            }
            try (ResultSet rs = meta.getImportedKeys(connection.getCatalog(), schema, table)) {
                while (rs.next()) {
                    lines.add(table + " foreign key " + rs.getString("FK_NAME") + " " + rs.getString("FKCOLUMN_NAME")
                            + " -> " + rs.getString("PKTABLE_NAME") + " on delete " + rs.getShort("DELETE_RULE"));
                }
            }
            try (ResultSet rs = meta.getIndexInfo(connection.getCatalog(), schema, table, false, false)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null) {
                        lines.add(table + " index " + rs.getString("INDEX_NAME") + " unique=" + !rs.getBoolean("NON_UNIQUE")
                                + " " + rs.getString("COLUMN_NAME"));
                    }
                }
            }
        }
        if (meta.getDatabaseProductName().equals("PostgreSQL")) {
            lines.addAll(postgresOnly(connection));
        }
        lines.sort(null);
        return String.join("\n", lines).toLowerCase(Locale.ROOT);
    }

    private static final String POSTGRES_ONLY = """
            SELECT 'function ' || p.oid::regprocedure || ' definer=' || p.prosecdef || ' volatility=' || p.provolatile::text
                   || ' config=' || coalesce(array_to_string(p.proconfig, ','), '-')
                   || ' body=' || md5(p.prosrc) || ' acl=' || coalesce(p.proacl::text, '-')
            FROM pg_proc p
            WHERE p.pronamespace = 'public'::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                              AND d.deptype = 'e')
            UNION ALL
            SELECT 'table ' || c.relname || ' rls=' || c.relrowsecurity || ' force=' || c.relforcerowsecurity
                   || ' acl=' || coalesce(c.relacl::text, '-')
            FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'S')
              AND c.relname <> 'flyway_schema_history'
            UNION ALL
            SELECT 'policy ' || tablename || '.' || policyname || ' ' || cmd || ' roles=' || roles::text
                   || ' using=' || coalesce(qual, '-') || ' check=' || coalesce(with_check, '-')
            FROM pg_policies WHERE schemaname = 'public'
            UNION ALL
            SELECT 'extension ' || e.extname || ' in ' || e.extnamespace::regnamespace
                   || ' comment=' || coalesce(obj_description(e.oid, 'pg_extension'), '-')
            FROM pg_extension e WHERE e.extname <> 'plpgsql'
            """;

    private static List<String> postgresOnly(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(POSTGRES_ONLY)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    /** Sequence names carry no meaning beyond the table's own; H2 names its identity sequences by a counter. */
    private static String normaliseDefault(String value) {
        return value == null ? null : value.replaceAll("SYSTEM_SEQUENCE_[0-9A-F_]+", "SYSTEM_SEQUENCE");
    }
}
