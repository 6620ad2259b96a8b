-- Undoes V8, in reverse order; the table takes its sequence, constraints and the client role's grants with it.
DROP POLICY saved_searches_of_signed_in_user ON saved_searches;
ALTER TABLE saved_searches NO FORCE ROW LEVEL SECURITY;
ALTER TABLE saved_searches DISABLE ROW LEVEL SECURITY;
DROP TABLE saved_searches;
