-- Undoes V2. Dropping the table drops its indexes: after V3's columns are dropped, H2 rebuilds the foreign key on
-- idx_tasks_user_id and then refuses "DROP INDEX idx_tasks_user_id" on its own.
DROP TABLE tasks;
