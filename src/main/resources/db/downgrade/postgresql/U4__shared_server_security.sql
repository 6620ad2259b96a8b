-- Undoes V4, in reverse order. Privileges that SharedServerSetup granted on these functions go with them; the
-- client role itself and the database-wide revokes (TEMP, CREATE on public) are the server set-up's, not the
-- schema's, and stay.
DROP POLICY tasks_of_signed_in_user ON tasks;
ALTER TABLE tasks NO FORCE ROW LEVEL SECURITY;
ALTER TABLE tasks DISABLE ROW LEVEL SECURITY;

DROP FUNCTION public.taskdesk_delete_account(text);
DROP FUNCTION public.taskdesk_change_password(text, text);
DROP FUNCTION public.taskdesk_check_own_password(text);
DROP FUNCTION public.taskdesk_sign_out();
DROP FUNCTION public.taskdesk_whoami();
DROP FUNCTION public.taskdesk_current_user_id();
DROP FUNCTION public.taskdesk_sign_in_result(text);
DROP FUNCTION public.taskdesk_sign_in(text, text, integer);
DROP FUNCTION public.taskdesk_sign_up(text, text, text);

DROP TABLE sign_in_attempts;

-- pgcrypto goes only if V4 installed it (it says so in its comment): an extension that was there before stays,
-- as something else may use it.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension e
               WHERE e.extname = 'pgcrypto'
                 AND pg_catalog.obj_description(e.oid, 'pg_extension')
                     = 'installed by TaskDesk migration 4; its downgrade removes it') THEN
        DROP EXTENSION pgcrypto;
    END IF;
END
$$;
