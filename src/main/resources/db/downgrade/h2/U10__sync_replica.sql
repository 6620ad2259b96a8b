-- Undoes V10. The local tasks stay; what linked them to a server goes (the outbox's unpushed changes with it: the
-- edits themselves are in the tasks). Dropping a table drops its constraints and indexes.
DROP TABLE sync_conflicts;
DROP TABLE sync_tombstones;
DROP TABLE sync_outbox;
DROP TABLE sync_link;
ALTER TABLE task_completions DROP CONSTRAINT task_completions_uid_key;
ALTER TABLE task_completions DROP COLUMN uid;
ALTER TABLE tasks DROP COLUMN synced;
ALTER TABLE tasks DROP COLUMN field_clocks;
ALTER TABLE tasks DROP CONSTRAINT tasks_uid_key;
ALTER TABLE tasks DROP COLUMN uid;
