-- Undoes V10, in reverse order. Tombstones and the replicas' progress go with their tables; tasks and completions
-- keep every row and lose only their uid, version and stamps. The client role's grants on the functions go with them.
DROP FUNCTION public.taskdesk_sync_purge(integer);
DROP FUNCTION public.taskdesk_sync_pull(uuid, bigint, integer);
DROP FUNCTION public.taskdesk_sync_push(uuid, jsonb);
DROP FUNCTION public.taskdesk_sync_apply(integer, jsonb);
DROP FUNCTION public.taskdesk_sync_insert_task(integer, uuid, jsonb, timestamp);
DROP FUNCTION public.taskdesk_sync_merge_fields(integer, jsonb);
DROP FUNCTION public.taskdesk_sync_greatest_stamp(jsonb);
DROP FUNCTION public.taskdesk_sync_mutation_problem(jsonb);
DROP FUNCTION public.taskdesk_sync_field_problem(text, jsonb);
DROP FUNCTION public.taskdesk_sync_stamp_problem(jsonb);
DROP FUNCTION public.taskdesk_sync_due_problem(text, jsonb);
DROP FUNCTION public.taskdesk_sync_due_timestamp(jsonb);
DROP FUNCTION public.taskdesk_sync_timestamp(text);

DROP TRIGGER task_tombstones_sync_version ON task_tombstones;
DROP TRIGGER task_completions_sync_version ON task_completions;
DROP TRIGGER task_completions_lock_person ON task_completions;
DROP TRIGGER tasks_sync_deleted ON tasks;
DROP TRIGGER tasks_sync_written ON tasks;
DROP TRIGGER tasks_lock_person ON tasks;
DROP FUNCTION public.taskdesk_sync_task_deleted();
DROP FUNCTION public.taskdesk_sync_task_written();
DROP FUNCTION public.taskdesk_sync_take_version();
DROP FUNCTION public.taskdesk_sync_lock_person();
DROP FUNCTION public.taskdesk_sync_clock_now(text);
DROP FUNCTION public.taskdesk_sync_next_stamp(text);
DROP FUNCTION public.taskdesk_sync_stamp_ms(text);
DROP FUNCTION public.taskdesk_sync_wall_ms();

DROP POLICY sync_clients_of_signed_in_user ON sync_clients;
DROP POLICY task_tombstones_of_signed_in_user ON task_tombstones;
DROP TABLE sync_clients;
DROP INDEX idx_task_tombstones_deleted_at;
DROP INDEX idx_task_tombstones_user_version;
DROP TABLE task_tombstones;

DROP INDEX idx_task_completions_user_version;
DROP INDEX idx_tasks_user_version;
ALTER TABLE task_completions DROP CONSTRAINT task_completions_user_id_uid_key;
ALTER TABLE tasks DROP CONSTRAINT tasks_user_id_uid_key;
ALTER TABLE task_completions DROP COLUMN version;
ALTER TABLE task_completions DROP COLUMN uid;
ALTER TABLE tasks DROP COLUMN field_clocks;
ALTER TABLE tasks DROP COLUMN version;
ALTER TABLE tasks DROP COLUMN uid;
ALTER TABLE users DROP COLUMN sync_clock;
ALTER TABLE users DROP COLUMN sync_floor;
ALTER TABLE users DROP COLUMN sync_version;
