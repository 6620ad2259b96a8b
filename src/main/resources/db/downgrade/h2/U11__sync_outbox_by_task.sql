-- Undoes V11: the outbox loses its indexes by task and by what waits (lookups read the whole outbox again).
DROP INDEX idx_sync_outbox_user_waiting;
DROP INDEX idx_sync_outbox_user_task;
