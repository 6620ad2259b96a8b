-- Undoes V17: the push of new tasks as rows goes; taskdesk_sync_push is as V16 left it (V17 did not touch it).
DROP FUNCTION IF EXISTS public.taskdesk_sync_push_new(uuid, text);
