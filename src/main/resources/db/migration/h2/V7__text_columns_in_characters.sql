-- H2 measures VARCHAR(n) in UTF-16 code units, PostgreSQL in characters: on H2 a title of 150 emoji (150
-- characters, 300 units) did not fit the seed's VARCHAR(200), though the domain and PostgreSQL accept it.
-- The domain enforces the limits in characters (code points) on both databases (TaskRules, AccountRules);
-- on H2 the columns get room for the longest text those limits allow: two units per character.
-- PostgreSQL needs no change (and has no version 7). V1 and V2 stay the seed's exactly.
ALTER TABLE tasks ALTER COLUMN title SET DATA TYPE VARCHAR(400);
ALTER TABLE users ALTER COLUMN name SET DATA TYPE VARCHAR(200);
ALTER TABLE users ALTER COLUMN email SET DATA TYPE VARCHAR(510);
