-- Undoes V5, in reverse order; the table takes its sequence with it.
DROP INDEX idx_task_completions_task_id;
DROP INDEX idx_task_completions_user_completed;
DROP TABLE task_completions;
