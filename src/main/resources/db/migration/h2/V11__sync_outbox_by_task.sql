-- Sync at scale (issue 10, ADR 0031): the outbox is looked up by task when a pulled deletion drops what waited for
-- that task, when a pulled task was deleted here (is its delete still waiting?), and when a resync keeps the tasks
-- with changes waiting. Without an index each of those read the whole outbox, which after linking 100,000 tasks
-- holds 100,000 rows.
CREATE INDEX idx_sync_outbox_user_task ON sync_outbox (user_id, task_uid);
