-- The seed's Alembic migration 001, as SQLAlchemy emits it for PostgreSQL.
-- sa.Integer() primary key -> SERIAL (sequence users_id_seq); unnamed constraints get PostgreSQL's default names,
-- spelled out here so the catalogue is the same whichever way it was created.
CREATE TABLE users (
    id SERIAL NOT NULL,
    email VARCHAR(255) NOT NULL,
    name VARCHAR(100) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    created_at TIMESTAMP WITHOUT TIME ZONE DEFAULT NOW() NOT NULL,
    updated_at TIMESTAMP WITHOUT TIME ZONE DEFAULT NOW() NOT NULL,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_email_key UNIQUE (email)
);

CREATE UNIQUE INDEX idx_users_email ON users (email);
