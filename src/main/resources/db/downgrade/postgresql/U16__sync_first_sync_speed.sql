-- Undoes V16: taskdesk_sync_push gets back V15's body, as V16 kept it in sync_function_bodies under a 'v16:' name
-- (CREATE OR REPLACE: grants stay); that row goes, so that U15 finds only its own.
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
