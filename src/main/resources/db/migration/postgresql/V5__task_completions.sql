-- Completion history, so that statistics tell what happened rather than what the task rows say now: a task row
-- keeps only its latest state (a repeating task moves forward, a reopened one forgets it was done).
-- One row per "done": when it was done and what the due date was at that moment. Times are UTC wall-clock values;
-- due_date and due_has_time follow tasks' convention (a date without a time is midnight, never shifted by a zone).
-- PostgreSQL spelling (SERIAL, sequence task_completions_id_seq); the H2 file of the same version has an identity
-- column, as the seed's tables do. Migration 6 puts it under row-level security.
CREATE TABLE task_completions (
    id SERIAL NOT NULL,
    task_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    completed_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
    due_date TIMESTAMP WITHOUT TIME ZONE,
    due_has_time BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT task_completions_pkey PRIMARY KEY (id),
    CONSTRAINT task_completions_task_id_fkey FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE,
    CONSTRAINT task_completions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- Statistics ask for one user's completions since a day; deleting a task looks its completions up by task.
CREATE INDEX idx_task_completions_user_completed ON task_completions (user_id, completed_at);
CREATE INDEX idx_task_completions_task_id ON task_completions (task_id);
