package org.taskdesk.migrations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reverse of generated DDL, statement by statement and in reverse order, for the downgrade script that
 * autogenerate writes beside its upgrade. It knows the forms Hibernate's update emits; anything else becomes a
 * comment that the author must replace.
 */
final class DowngradeSketch {
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create table (?:if not exists )?(\\S+).*", Pattern.DOTALL);
    private static final Pattern ADD_COLUMN = Pattern.compile(
            "(?i)alter table (?:if exists )?(\\S+) add (?:column )?(?:if not exists )?(\\S+).*", Pattern.DOTALL);
    private static final Pattern ADD_CONSTRAINT = Pattern.compile(
            "(?i)alter table (?:if exists )?(\\S+) add constraint (\\S+).*", Pattern.DOTALL);
    private static final Pattern CREATE_INDEX = Pattern.compile("(?i)create (?:unique )?index (?:if not exists )?(\\S+).*", Pattern.DOTALL);
    private static final Pattern CREATE_SEQUENCE = Pattern.compile("(?i)create sequence (?:if not exists )?(\\S+).*", Pattern.DOTALL);

    private DowngradeSketch() {
    }

    static List<String> reverse(List<String> upgrade) {
        List<String> downgrade = new ArrayList<>();
        for (String statement : upgrade) {
            downgrade.add(reverseOne(statement.strip()));
        }
        Collections.reverse(downgrade);
        return downgrade;
    }

    private static String reverseOne(String statement) {
        Matcher m;
        if ((m = ADD_CONSTRAINT.matcher(statement)).matches()) {
            return "ALTER TABLE " + m.group(1) + " DROP CONSTRAINT " + m.group(2) + ";";
        }
        if ((m = ADD_COLUMN.matcher(statement)).matches()) {
            return "ALTER TABLE " + m.group(1) + " DROP COLUMN " + m.group(2) + ";";
        }
        if ((m = CREATE_TABLE.matcher(statement)).matches()) {
            return "DROP TABLE " + m.group(1) + ";";
        }
        if ((m = CREATE_INDEX.matcher(statement)).matches()) {
            return "DROP INDEX " + m.group(1) + ";";
        }
        if ((m = CREATE_SEQUENCE.matcher(statement)).matches()) {
            return "DROP SEQUENCE " + m.group(1) + ";";
        }
        return "-- REVIEW: write the reverse of: " + statement.replaceAll("\\s+", " ");
    }
}
