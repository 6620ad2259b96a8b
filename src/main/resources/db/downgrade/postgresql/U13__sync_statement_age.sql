-- Undoes V13: the sync functions lose the lines V13 added (the statement-age check; push and pull still stop through
-- taskdesk_current_user_id(), as under V10 and V11), push no longer purges its person's old tombstones, and
-- taskdesk_sync_purge_own and users.sync_purged_at go. Grants stay as they were (CREATE OR REPLACE keeps them).
DO $$
DECLARE
    v_name text;
    v_definition text;
BEGIN
    FOREACH v_name IN ARRAY ARRAY['public.taskdesk_sync_push(uuid, jsonb)', 'public.taskdesk_sync_pull(uuid, bigint, integer)',
                                  'public.taskdesk_sync_purge(integer)'] LOOP
        v_definition := pg_catalog.pg_get_functiondef(v_name::pg_catalog.regprocedure);
        v_definition := replace(v_definition, E'\n    PERFORM public.taskdesk_sync_purge_own(v_user);\n', E'\n');
        EXECUTE replace(v_definition, E'\nBEGIN\n    PERFORM public.taskdesk_check_statement_age();\n', E'\nBEGIN\n');
    END LOOP;
END
$$;

DROP FUNCTION public.taskdesk_sync_purge_own(integer);
ALTER TABLE users DROP COLUMN sync_purged_at;
