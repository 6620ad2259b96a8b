-- Undoes V2: as the seed's Alembic downgrade, the index first, then the table.
DROP INDEX idx_tasks_user_id;
DROP TABLE tasks;
