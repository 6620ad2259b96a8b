-- Undoes V9. Fails (and the local database is put back from its copy) if a repeat rule longer than 50 characters
-- was saved since: the older column cannot hold it, and cutting a rule would change when a task repeats.
ALTER TABLE tasks ALTER COLUMN recurrence_pattern SET DATA TYPE VARCHAR(50);
