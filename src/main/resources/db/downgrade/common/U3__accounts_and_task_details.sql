-- Undoes V3, in reverse order.
DROP INDEX idx_tasks_user_open_due;
DROP INDEX idx_sessions_user_id;
DROP TABLE sessions;
ALTER TABLE tasks DROP COLUMN completed_at;
ALTER TABLE tasks DROP COLUMN due_has_time;
ALTER TABLE users DROP COLUMN sign_in_blocked_until;
ALTER TABLE users DROP COLUMN failed_sign_ins;
