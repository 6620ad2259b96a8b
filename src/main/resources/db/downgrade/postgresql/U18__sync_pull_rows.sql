-- Undoes V18: the first pull as rows goes; devices pull the JSON way (taskdesk_sync_pull) again.
DROP FUNCTION public.taskdesk_sync_pull_rows(uuid, bigint, integer);
