-- Accounts and the full task model, on both databases.
-- Sign-in throttling lives in the database, so a restart does not reset it.
ALTER TABLE users ADD COLUMN failed_sign_ins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE users ADD COLUMN sign_in_blocked_until TIMESTAMP;

-- The seed's due_date is a timestamp: a due date without a time is stored at midnight with due_has_time false.
ALTER TABLE tasks ADD COLUMN due_has_time BOOLEAN DEFAULT FALSE NOT NULL;
-- When the task was last completed; for a recurring task, the completion that advanced it.
ALTER TABLE tasks ADD COLUMN completed_at TIMESTAMP;

-- Sessions keep only the SHA-256 of a random token (hex), never the token itself.
CREATE TABLE sessions (
    token_sha256 VARCHAR(64) NOT NULL,
    user_id INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    CONSTRAINT sessions_pkey PRIMARY KEY (token_sha256),
    CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX idx_sessions_user_id ON sessions (user_id);

-- The task list asks for one user's open tasks by due date far more than anything else.
CREATE INDEX idx_tasks_user_open_due ON tasks (user_id, completed, due_date);
