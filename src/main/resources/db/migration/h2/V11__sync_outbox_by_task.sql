-- Sync at scale (issue 10, ADR 0031): the outbox is looked up by task when a pulled deletion drops what waited for
-- that task, when a pulled task was deleted here (is its delete still waiting?), when a pulled task's waiting
-- fields are read, and when a resync keeps the tasks with changes waiting. Without an index each of those read the
-- whole outbox, which after linking 100,000 tasks holds 100,000 rows.
CREATE INDEX idx_sync_outbox_user_task ON sync_outbox (user_id, task_uid);
-- And what is still to push, in order: pushed rows stay until the round's pull ends, so a first round's later
-- batches walked past every row already pushed (user_id, seq) to find the next 1,000 waiting.
CREATE INDEX idx_sync_outbox_user_waiting ON sync_outbox (user_id, pushed, seq);
