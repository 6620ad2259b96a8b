-- Undoes V9. Fails, changing nothing (one transaction), if a repeat rule longer than 50 characters was saved since:
-- the older column cannot hold it, and cutting a rule would change when a task repeats.
ALTER TABLE tasks ALTER COLUMN recurrence_pattern TYPE VARCHAR(50);
