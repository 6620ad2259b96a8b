-- A first pull as rows (issue 10 "Speed", ADR 0038): taskdesk_sync_pull_rows returns what taskdesk_sync_pull
-- returns, page for page, as typed rows instead of one jsonb document. A pulled page of 1,000 tasks cost the server
-- 160 to 340 ms building nested jsonb (ADR 0033) and the device as much again parsing it; measured on 10,000 rows of
-- tasks (psql, 5 runs at load 10 to 16): the jsonb page 4.6 to 5.5 s, typed columns 141 to 272 ms, one text line
-- per task 83 to 389 ms, COPY out of the same rows 106 to 370 ms. Typed columns: as fast as the text line and
-- COPY, with nothing to escape or split on the device.
--
-- The same guarantees as taskdesk_sync_pull (V15): one statement, so one snapshot; the person's items after the
-- cursor by their commit-ordered version (users.sync_version, bumped under the person's row), each kind cut at
-- p_limit + 1 rows of its own index range, so a page never depends on what lies past it and never skips a commit;
-- the same resync rule and the same sync_clients record (resync_at kept while a pull from 0 has more to come);
-- row-level security on tasks and completions as well as the person's id in every WHERE; the statement-age check,
-- SECURITY DEFINER with a pinned search_path, EXECUTE revoked from PUBLIC (SharedServerSetup grants it as it grants
-- taskdesk_sync_pull).
--
-- Rows: first one of kind 'h' (the page: version, more, stamp = the server's clock) or 'r' (resync: start again
-- from nothing; stamp = the server's clock; nothing else follows); then 't' tasks (the seven fields with their
-- stamps c_*), 'd' deletions (uid, version, stamp) and 'c' completions (uid, task_uid, completed_at, due_date,
-- due_has_time, version), each kind by version. Due dates come as the JSON pull sends them: to the minute with a
-- time, to the day without.

CREATE FUNCTION public.taskdesk_sync_pull_rows(p_client_id uuid, p_after bigint, p_limit integer)
    RETURNS TABLE (kind text, version bigint, uid uuid, task_uid uuid, created_at timestamp, title text,
                   description text, priority text, tags text, due_date timestamp, due_has_time boolean,
                   repeat text, completed boolean, completed_at timestamp, c_title text, c_description text,
                   c_priority text, c_tags text, c_due text, c_repeat text, c_completed text, stamp text,
                   more boolean)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET statement_timeout = '30s'
    SET lock_timeout = '5s'
AS $$
DECLARE
    v_user integer := public.taskdesk_current_user_id();
BEGIN
    PERFORM public.taskdesk_check_statement_age();
    IF v_user IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TD004', MESSAGE = 'not signed in';
    END IF;
    IF p_client_id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'the client id is missing';
    END IF;
    IF p_after IS NULL OR p_after < 0 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'the version to pull after must be 0 or more';
    END IF;
    IF p_limit IS NULL OR p_limit NOT BETWEEN 1 AND 10000 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'the limit must be between 1 and 10000';
    END IF;

    RETURN QUERY
    WITH me AS (
        SELECT u.sync_version, u.sync_floor, public.taskdesk_sync_clock_now(u.sync_clock) AS clock,
               (SELECT c.resync_at FROM public.sync_clients c
                WHERE c.user_id = v_user AND c.client_id = p_client_id) AS resync_at
        FROM public.users u WHERE u.id = v_user
    ), keys AS (
        SELECT x.version FROM (
            (SELECT t.version FROM public.tasks t WHERE t.user_id = v_user AND t.version > p_after
             ORDER BY t.version LIMIT p_limit + 1)
            UNION ALL
            (SELECT d.version FROM public.task_tombstones d WHERE d.user_id = v_user AND d.version > p_after
             ORDER BY d.version LIMIT p_limit + 1)
            UNION ALL
            (SELECT c.version FROM public.task_completions c WHERE c.user_id = v_user AND c.version > p_after
             ORDER BY c.version LIMIT p_limit + 1)
            ORDER BY 1
            LIMIT p_limit + 1
        ) AS x
    ), head AS (
        SELECT CASE WHEN (p_after > 0 AND p_after < me.sync_floor AND p_after IS DISTINCT FROM me.resync_at)
                         OR p_after > me.sync_version THEN 'r' ELSE 'h' END AS kind,
               (SELECT count(*) FROM keys) > p_limit AS more,
               CASE WHEN (SELECT count(*) FROM keys) > p_limit
                    THEN (SELECT k.version FROM keys k ORDER BY k.version OFFSET p_limit - 1 LIMIT 1)
                    ELSE me.sync_version END AS version,
               me.clock
        FROM me
    ), seen AS (
        INSERT INTO public.sync_clients AS c (user_id, client_id, last_seq, created_at, last_pull_at, resync_at)
        SELECT v_user, p_client_id, 0, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC',
               CASE WHEN h.kind = 'h' AND h.more THEN h.version END
        FROM head h
        ON CONFLICT (user_id, client_id) DO UPDATE SET last_pull_at = EXCLUDED.last_pull_at,
                                                       resync_at = EXCLUDED.resync_at
        RETURNING 1
    ), page AS (
        SELECT h.version AS last FROM head h WHERE h.kind = 'h'
    )
    SELECT r.kind, r.version, r.uid, r.task_uid, r.created_at, r.title, r.description, r.priority, r.tags,
           r.due_date, r.due_has_time, r.repeat, r.completed, r.completed_at, r.c_title, r.c_description,
           r.c_priority, r.c_tags, r.c_due, r.c_repeat, r.c_completed, r.stamp, r.more
    FROM (
        SELECT 0 AS rank, h.kind, h.version, NULL::uuid AS uid, NULL::uuid AS task_uid, NULL::timestamp AS created_at,
               NULL::text AS title, NULL::text AS description, NULL::text AS priority, NULL::text AS tags,
               NULL::timestamp AS due_date, NULL::boolean AS due_has_time, NULL::text AS repeat,
               NULL::boolean AS completed, NULL::timestamp AS completed_at, NULL::text AS c_title,
               NULL::text AS c_description, NULL::text AS c_priority, NULL::text AS c_tags, NULL::text AS c_due,
               NULL::text AS c_repeat, NULL::text AS c_completed, h.clock::text AS stamp,
               h.kind = 'h' AND h.more AS more
        FROM head h
        UNION ALL
        SELECT 1, 't', t.version, t.uid, NULL, t.created_at, t.title::text, t.description, t.priority::text, t.tags,
               CASE WHEN t.due_has_time THEN date_trunc('minute', t.due_date) ELSE date_trunc('day', t.due_date) END,
               t.due_date IS NOT NULL AND t.due_has_time, t.recurrence_pattern::text, t.completed, t.completed_at,
               t.field_clocks ->> 'title', t.field_clocks ->> 'description', t.field_clocks ->> 'priority',
               t.field_clocks ->> 'tags', t.field_clocks ->> 'due', t.field_clocks ->> 'repeat',
               t.field_clocks ->> 'completed', NULL, NULL
        FROM public.tasks t, page p
        WHERE t.user_id = v_user AND t.version > p_after AND t.version <= p.last
        UNION ALL
        SELECT 2, 'd', d.version, d.uid, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
               NULL, NULL, NULL, NULL, NULL, d.stamp::text, NULL
        FROM public.task_tombstones d, page p
        WHERE d.user_id = v_user AND d.version > p_after AND d.version <= p.last
        UNION ALL
        SELECT 3, 'c', c.version, c.uid, t.uid, NULL, NULL, NULL, NULL, NULL,
               CASE WHEN c.due_has_time THEN date_trunc('minute', c.due_date) ELSE date_trunc('day', c.due_date) END,
               c.due_date IS NOT NULL AND c.due_has_time, NULL, NULL, c.completed_at, NULL, NULL, NULL, NULL, NULL,
               NULL, NULL, NULL, NULL
        FROM public.task_completions c JOIN public.tasks t ON t.id = c.task_id, page p
        WHERE c.user_id = v_user AND c.version > p_after AND c.version <= p.last
    ) AS r
    WHERE (SELECT count(*) FROM seen) >= 0
    ORDER BY r.rank, r.version;
END
$$;

REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_pull_rows(uuid, bigint, integer) FROM PUBLIC;
