-- Undoes V1: as the seed's Alembic downgrade, the index first, then the table.
DROP INDEX idx_users_email;
DROP TABLE users;
