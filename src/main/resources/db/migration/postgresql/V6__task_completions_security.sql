-- The completion history on the shared server is protected like tasks (V4): every statement, the owner's
-- included (FORCE), sees and writes only the signed-in user's rows. SharedServerSetup grants the client role
-- SELECT and INSERT only: history is appended to, never edited; rows go when their task or user is deleted
-- (ON DELETE CASCADE runs as the table owner and is not filtered).
ALTER TABLE task_completions ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_completions FORCE ROW LEVEL SECURITY;
-- WITH CHECK also asks that the task is one the user can see (tasks' own policy filters the subquery): otherwise a
-- client could attach history to someone else's task id, and the foreign key would tell it which ids exist.
CREATE POLICY task_completions_of_signed_in_user ON task_completions
    FOR ALL
    USING (user_id = (SELECT public.taskdesk_current_user_id()))
    WITH CHECK (user_id = (SELECT public.taskdesk_current_user_id())
                AND EXISTS (SELECT 1 FROM public.tasks t WHERE t.id = task_completions.task_id));
