-- Repeat rules from calendars (RFC 5545: BYSETPOS, BYMONTH, BYYEARDAY, several numbered weekdays, a DATE-TIME
-- UNTIL…) do not fit the seed's VARCHAR(50): RFC 5545's own "every other week on Monday, Wednesday and Friday until
-- December 24" is 68 characters. RecurrenceRule.MAX_STORED_LENGTH follows this width. V1 and V2 stay the seed's
-- exactly. Widening a VARCHAR rewrites no rows and keeps row-level security and the grants as they are.
ALTER TABLE tasks ALTER COLUMN recurrence_pattern TYPE VARCHAR(500);
