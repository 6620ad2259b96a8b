-- Undoes V8. Dropping the table drops its constraints and the index behind the unique one.
DROP TABLE saved_searches;
