-- The seed's Alembic migration 002, as SQLAlchemy emits it for PostgreSQL.
CREATE TABLE tasks (
    id SERIAL NOT NULL,
    user_id INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    description TEXT,
    completed BOOLEAN DEFAULT 'false' NOT NULL,
    created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT NOW() NOT NULL,
    updated_at TIMESTAMP WITHOUT TIME ZONE DEFAULT NOW() NOT NULL,
    priority VARCHAR(10),
    tags TEXT,
    due_date TIMESTAMP WITHOUT TIME ZONE,
    recurrence_pattern VARCHAR(50),
    CONSTRAINT tasks_pkey PRIMARY KEY (id),
    CONSTRAINT tasks_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE INDEX idx_tasks_user_id ON tasks (user_id);
