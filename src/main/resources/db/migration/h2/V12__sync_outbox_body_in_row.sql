-- Sync at scale (issue 10, ADR 0036): the outbox's body is kept in its row, not as a large object. As a CLOB, every
-- body over H2's in-place limit (256 bytes: every put) lived in H2's LOB storage, so linking 100,000 tasks wrote
-- 100,000 LOBs, each push round read them one by one, and acknowledging a mutation (UPDATE … SET pushed) copied its
-- LOB, with LOB clean-up at each commit: 1,404 s of a first push round of 100,000 tasks was spent there.
-- The bound is H2's largest: no body comes near it (a title of 200 and a description of 10,000 characters, even with
-- every character escaped, plus a task's completions), and one that did would be refused whole, never cut.
-- Changing the type converts every waiting body as it is (H2 copies the table's rows into the new column).
ALTER TABLE sync_outbox ALTER COLUMN body SET DATA TYPE CHARACTER VARYING(1000000000);
