-- Undoes V15: taskdesk_sync_push and taskdesk_sync_pull get back the bodies they had before it, as V15 kept them
-- (CREATE OR REPLACE: grants stay), and the table that kept them goes.
DO $$
DECLARE
    v_definition text;
BEGIN
    FOR v_definition IN SELECT b.definition FROM public.sync_function_bodies b ORDER BY b.name LOOP
        EXECUTE v_definition;
    END LOOP;
END
$$;
DROP TABLE public.sync_function_bodies; -- bookkeeping: the bodies restored above, no one's data
ALTER TABLE public.sync_clients DROP COLUMN resync_at;
