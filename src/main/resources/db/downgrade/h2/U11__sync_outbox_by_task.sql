-- Undoes V11: the outbox loses its index by task (lookups by task read the whole outbox again).
DROP INDEX idx_sync_outbox_user_task;
