-- Undoes V6, in reverse order. The client role's grants on the table go with the table in U5.
DROP POLICY task_completions_of_signed_in_user ON task_completions;
ALTER TABLE task_completions NO FORCE ROW LEVEL SECURITY;
ALTER TABLE task_completions DISABLE ROW LEVEL SECURITY;
