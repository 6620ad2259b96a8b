-- Undoes V1. Dropping the table drops its indexes: H2 may have taken idx_users_email over for the unique
-- constraint after later column changes, and then refuses to drop the index on its own.
DROP TABLE users;
