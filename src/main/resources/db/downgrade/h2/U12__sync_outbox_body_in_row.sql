-- Undoes V12: the outbox's bodies become large objects again, each kept whole.
ALTER TABLE sync_outbox ALTER COLUMN body SET DATA TYPE CHARACTER LARGE OBJECT;
