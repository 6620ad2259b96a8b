-- Undoes V7. Fails (and the local database is put back from its copy) if a title, name or email longer than the
-- old columns' UTF-16 limits was saved since: version 5's columns cannot hold it.
ALTER TABLE users ALTER COLUMN email SET DATA TYPE VARCHAR(255);
ALTER TABLE users ALTER COLUMN name SET DATA TYPE VARCHAR(100);
ALTER TABLE tasks ALTER COLUMN title SET DATA TYPE VARCHAR(200);
