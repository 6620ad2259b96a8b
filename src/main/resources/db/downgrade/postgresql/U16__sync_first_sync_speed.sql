-- Undoes V16: taskdesk_sync_push and taskdesk_sync_pull get back V15's bodies, as V16 kept them in
-- sync_function_bodies under 'v16:' names (CREATE OR REPLACE: grants stay); those rows go, so that U15 finds only
-- its own.
DO $$
DECLARE
    v_definition text;
BEGIN
    FOR v_definition IN SELECT b.definition FROM public.sync_function_bodies b WHERE b.name LIKE 'v16:%'
                        ORDER BY b.name LOOP
        EXECUTE v_definition;
    END LOOP;
END
$$;
DELETE FROM public.sync_function_bodies WHERE name LIKE 'v16:%';
