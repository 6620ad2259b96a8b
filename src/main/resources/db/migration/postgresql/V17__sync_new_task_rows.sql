-- A first push's new tasks as rows of text (issue 10, ADR 0037): taskdesk_sync_push_new takes many new tasks, one
-- line each, and inserts them in one statement. A first sync's bulk is tasks the server has never seen, each one put
-- with all seven fields; V16's push spent most of its time on them reading one jsonb document (the parameter's parse,
-- each field extracted and checked by pattern, the clocks built back into jsonb). Here a row is split on tabs (in C)
-- and its columns are checked and inserted as they are.
--
-- What it does NOT do is decide anything the ordinary push decides. A row it does not insert (not well-formed by
-- its checks, which accept a subset of what taskdesk_sync_mutation_problem accepts; its uid already there or
-- tombstoned, or twice in the call; a stamp more than 5 minutes ahead, and every row after that one) is reported by
-- its line, and the device sends that mutation through taskdesk_sync_push, which gives the exact answer. Rows it
-- inserts are stored as that push stores a new task (V16's step 2: the same columns from the same values, the seven
-- stamps as field_clocks, versions from one block under the person's row lock). It leaves sync_clients.last_seq
-- alone: its idempotence is by uid (a row already there is reported, never written twice), and a mutation it
-- reports still has a seq the ordinary push has not passed.
--
-- A row, its columns separated by tabs, NULL written \N:
--   1 mutation id, 2 task uid, 3 created, 4 title, 5 description, 6 priority, 7 tags, 8 due date (YYYY-MM-DD),
--   9 due time (HH:MM), 10 repeat rule, 11 done (t or f), 12 completed at, 13-19 the stamps of title, description,
--   priority, tags, due, repeat and completed.
-- Text is escaped as COPY's text format reads it, in the part of it the device writes: a backslash as \\, and each
-- character below a space as three octal digits (\011 a tab, \012 a line feed). decode(…, 'escape') reads exactly
-- that, in C; the escapes a row may hold are checked first, so that no row can make it fail.

CREATE FUNCTION public.taskdesk_sync_push_new(p_client_id uuid, p_rows text) RETURNS jsonb
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET statement_timeout = '30s'
    SET lock_timeout = '5s'
AS $$
DECLARE
    -- At most this many rows a call, twice the device's batch of 1,000: on the loaded 2-core machine 1,000 rows took
    -- 0.25 to 0.9 s and 5,000 took 2.7 to 3.8 s, with the person's row held (their other devices wait behind it, up
    -- to lock_timeout, 5 s), for only 20 to 30 % less time a row (ADR 0037).
    c_max_rows constant integer := 2000;
    c_max_ahead_ms constant bigint := 5 * 60 * 1000;
    c_uuid constant text := '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
    c_stamp constant text := '^[0-9a-f]{13}-[0-9a-f]{4}-[0-9A-Za-z-]+$';
    -- Days 01 to 31 here; each date's month is checked for its length beside the pattern.
    c_date constant text := '^(19|[2-9][0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
    c_clock constant text := '^([01][0-9]|2[0-3]):[0-5][0-9]$';
    c_time constant text := '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]'
                            || ':[0-5][0-9](\.[0-9]{1,6})?$';
    -- What the device escapes: a backslash, and the characters from 001 to 037 (no zero byte: text cannot hold it).
    c_escaped constant text := '^([^\\]|\\\\|\\0(0[1-7]|[1-3][0-7]))*$';
    v_user integer := public.taskdesk_current_user_id();
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_wall bigint;
    v_clock text;
    v_count integer;
    v_left jsonb;
    v_greatest text;
BEGIN
    PERFORM public.taskdesk_check_statement_age();
    PERFORM public.taskdesk_sync_purge_own(v_user);
    IF v_user IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TD004', MESSAGE = 'not signed in';
    END IF;
    IF p_client_id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'the client id is missing';
    END IF;
    IF p_rows IS NULL OR p_rows = '' THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'the rows are missing';
    END IF;
    -- Counted before anything is split: a line feed is a row's end (one inside a value is written \012).
    v_count := length(p_rows) - length(replace(p_rows, E'\n', '')) + 1;
    IF v_count > c_max_rows THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'a push of new tasks holds at most ' || c_max_rows
            || ' rows; got ' || v_count || ': send them in batches';
    END IF;

    -- The person's row first, as every write of theirs takes it: pushes and direct writes queue up here.
    SELECT u.sync_clock INTO v_clock FROM public.users u WHERE u.id = v_user FOR NO KEY UPDATE;
    INSERT INTO public.sync_clients AS c (user_id, client_id, last_seq, created_at, last_push_at)
    VALUES (v_user, p_client_id, 0, v_now, v_now)
    ON CONFLICT (user_id, client_id) DO UPDATE SET last_push_at = excluded.last_push_at;
    v_wall := public.taskdesk_sync_wall_ms();

    -- On for the one INSERT below (the version triggers keep the versions it numbers, as in V15's push), off after.
    PERFORM pg_catalog.set_config('taskdesk.sync_applying', 'on', true);
    PERFORM pg_catalog.set_config('taskdesk.sync_numbered', 'on', true);
    -- One statement: split, check, choose, number, insert, report. Every cast is behind a CASE on the checks, so
    -- that no row can make the call fail.
    WITH lines AS (
        SELECT l.line::integer AS line, string_to_array(l.body, E'\t') AS r
        FROM string_to_table(p_rows, E'\n') WITH ORDINALITY AS l(body, line)
    ), decoded AS MATERIALIZED (
        -- MATERIALIZED, and OFFSET 0 below: inlined, each use of a column repeated its whole expression (the four
        -- escape patterns five times a row, each decode three times), which made the checks 4 times slower.
        SELECT x.line, x.r, x.shaped,
               CASE WHEN x.shaped THEN CASE WHEN x.r[4] = '\N' THEN NULL WHEN strpos(x.r[4], '\') = 0 THEN x.r[4]
                    ELSE convert_from(decode(x.r[4], 'escape'), getdatabaseencoding()) END END AS title,
               CASE WHEN x.shaped THEN CASE WHEN x.r[5] = '\N' THEN NULL WHEN strpos(x.r[5], '\') = 0 THEN x.r[5]
                    ELSE convert_from(decode(x.r[5], 'escape'), getdatabaseencoding()) END END AS description,
               CASE WHEN x.shaped THEN CASE WHEN x.r[7] = '\N' THEN NULL WHEN strpos(x.r[7], '\') = 0 THEN x.r[7]
                    ELSE convert_from(decode(x.r[7], 'escape'), getdatabaseencoding()) END END AS tags,
               CASE WHEN x.shaped THEN CASE WHEN x.r[10] = '\N' THEN NULL WHEN strpos(x.r[10], '\') = 0 THEN x.r[10]
                    ELSE convert_from(decode(x.r[10], 'escape'), getdatabaseencoding()) END END AS repeat
        FROM (SELECT l.line, l.r,
                     -- Nineteen columns, and the four of free text escaped only as the device escapes.
                     coalesce(cardinality(l.r) = 19
                         AND (l.r[4] = '\N' OR strpos(l.r[4], '\') = 0 OR l.r[4] ~ c_escaped)
                         AND (l.r[5] = '\N' OR strpos(l.r[5], '\') = 0 OR l.r[5] ~ c_escaped)
                         AND (l.r[7] = '\N' OR strpos(l.r[7], '\') = 0 OR l.r[7] ~ c_escaped)
                         AND (l.r[10] = '\N' OR strpos(l.r[10], '\') = 0 OR l.r[10] ~ c_escaped), false) AS shaped
              FROM lines l OFFSET 0) AS x
    ), checked AS (
        -- The checks of taskdesk_sync_mutation_problem for a put, on a subset of its forms (lower-case priority,
        -- HH:MM, the device's escapes); a row outside them goes to the ordinary push, which has the exact answer.
        SELECT d.line, d.r, d.title, d.description, d.tags, d.repeat,
               coalesce(d.shaped
                   AND d.r[1] ~* c_uuid AND d.r[2] ~* c_uuid
                   AND (d.r[3] = '\N' OR CASE WHEN d.r[3] ~ c_time
                        THEN substr(d.r[3], 9, 2)::integer <= extract(day FROM (substr(d.r[3], 1, 8) || '01')::date
                                                                              + interval '1 month - 1 day')
                        ELSE false END)
                   AND btrim(d.title) <> '' AND length(d.title) <= 200
                   AND coalesce(length(d.description), 0) <= 10000
                   AND (d.r[6] = '\N' OR d.r[6] IN ('low', 'medium', 'high'))
                   AND coalesce(length(d.tags), 0) <= 10000
                   AND CASE WHEN d.r[8] = '\N' THEN d.r[9] = '\N'
                            WHEN d.r[8] ~ c_date
                            THEN substr(d.r[8], 9, 2)::integer <= extract(day FROM (substr(d.r[8], 1, 8) || '01')::date
                                                                                  + interval '1 month - 1 day')
                                 AND (d.r[9] = '\N' OR d.r[9] ~ c_clock)
                            ELSE false END
                   AND coalesce(length(d.repeat), 0) <= 500
                   AND CASE WHEN d.r[12] = '\N' THEN d.r[11] = 'f'
                            WHEN d.r[11] IN ('t', 'f') AND d.r[12] ~ c_time
                            THEN substr(d.r[12], 9, 2)::integer <= extract(day FROM (substr(d.r[12], 1, 8) || '01')::date
                                                                                   + interval '1 month - 1 day')
                            ELSE false END
                   AND length(d.r[13]) BETWEEN 20 AND 64 AND d.r[13] ~ c_stamp
                   AND length(d.r[14]) BETWEEN 20 AND 64 AND d.r[14] ~ c_stamp
                   AND length(d.r[15]) BETWEEN 20 AND 64 AND d.r[15] ~ c_stamp
                   AND length(d.r[16]) BETWEEN 20 AND 64 AND d.r[16] ~ c_stamp
                   AND length(d.r[17]) BETWEEN 20 AND 64 AND d.r[17] ~ c_stamp
                   AND length(d.r[18]) BETWEEN 20 AND 64 AND d.r[18] ~ c_stamp
                   AND length(d.r[19]) BETWEEN 20 AND 64 AND d.r[19] ~ c_stamp, false) AS fine
        FROM decoded d
    ), judged AS (
        SELECT c.*, CASE WHEN c.fine THEN greatest(c.r[13] COLLATE "C", c.r[14], c.r[15], c.r[16], c.r[17], c.r[18],
                                                   c.r[19]) END AS greatest_stamp
        FROM checked c
    ), cut AS (
        -- The first row with a stamp too far ahead: the ordinary push refuses it and holds back every mutation
        -- after it, so none of them is inserted here.
        SELECT coalesce(min(j.line), 2147483647) AS line
        FROM judged j
        WHERE j.fine AND ('x' || lpad(substr(j.greatest_stamp, 1, 13), 16, '0'))::bit(64)::bigint
                         > v_wall + c_max_ahead_ms
    ), placed AS (
        SELECT j.*, lower(j.r[2])::uuid AS uid,
               count(*) OVER (PARTITION BY lower(j.r[2])) AS times
        FROM judged j, cut
        WHERE j.fine AND j.line < cut.line
    ), chosen AS (
        SELECT p.*, row_number() OVER (ORDER BY p.line) AS n
        FROM placed p
        WHERE p.times = 1
          -- Scalar subqueries by the unique (user_id, uid) indexes, as V16 (ADR 0033): no anti join on stale
          -- statistics.
          AND (SELECT t.id FROM public.tasks t WHERE t.user_id = v_user AND t.uid = p.uid) IS NULL
          AND (SELECT d.version FROM public.task_tombstones d WHERE d.user_id = v_user AND d.uid = p.uid) IS NULL
    ), block AS (
        -- Their versions, one block, under the person's row lock held since the start.
        UPDATE public.users u SET sync_version = u.sync_version + (SELECT count(*) FROM chosen)
        WHERE u.id = v_user AND EXISTS (SELECT 1 FROM chosen)
        RETURNING u.sync_version - (SELECT count(*) FROM chosen) AS base
    ), inserted AS (
        INSERT INTO public.tasks AS t (user_id, uid, title, description, priority, tags, due_date, due_has_time,
                                       recurrence_pattern, completed, completed_at, created_at, updated_at,
                                       field_clocks, version)
        SELECT v_user, c.uid, c.title, coalesce(c.description, ''), CASE WHEN c.r[6] <> '\N' THEN c.r[6] END, c.tags,
               CASE WHEN c.r[8] <> '\N' THEN (c.r[8] || CASE WHEN c.r[9] <> '\N' THEN ' ' || c.r[9] ELSE '' END)::timestamp
               END,
               c.r[9] <> '\N', c.repeat, c.r[11] = 't',
               CASE WHEN c.r[12] <> '\N' THEN c.r[12]::timestamp END,
               CASE WHEN c.r[3] <> '\N' THEN c.r[3]::timestamp ELSE v_now END, v_now,
               jsonb_build_object('title', c.r[13], 'description', c.r[14], 'priority', c.r[15], 'tags', c.r[16],
                                  'due', c.r[17], 'repeat', c.r[18], 'completed', c.r[19]),
               b.base + c.n
        FROM chosen c CROSS JOIN block b
        ORDER BY c.line
        ON CONFLICT (user_id, uid) DO NOTHING
        RETURNING t.uid
    )
    SELECT coalesce(jsonb_agg(jsonb_build_array(j.line,
               CASE WHEN NOT j.fine THEN 'not well-formed' WHEN j.line = cut.line THEN 'clock ahead'
                    WHEN j.line > cut.line THEN 'waits for a clock ahead' WHEN p.times > 1 THEN 'twice in the rows'
                    ELSE 'already there' END) ORDER BY j.line) FILTER (WHERE i.uid IS NULL), '[]'),
           max(j.greatest_stamp COLLATE "C") FILTER (WHERE i.uid IS NOT NULL)
    INTO v_left, v_greatest
    FROM judged j CROSS JOIN cut
    LEFT JOIN placed p ON p.line = j.line
    LEFT JOIN inserted i ON i.uid = p.uid AND p.times = 1;
    PERFORM pg_catalog.set_config('taskdesk.sync_numbered', '', true);
    PERFORM pg_catalog.set_config('taskdesk.sync_applying', '', true);

    -- The server clock takes in every stamp it accepted, so its own later stamps are greater.
    IF v_greatest IS NOT NULL AND v_greatest COLLATE "C" > coalesce(v_clock, '') COLLATE "C" THEN
        v_clock := v_greatest;
        UPDATE public.users u SET sync_clock = v_clock WHERE u.id = v_user;
    END IF;
    RETURN jsonb_build_object('server_clock', public.taskdesk_sync_clock_now(v_clock), 'left', v_left);
END
$$;

-- Callable by no one but the owner until 'taskdesk server setup' grants it to the logins that push, as it does the
-- other sync functions (SharedServerSetup's lists).
REVOKE ALL ON FUNCTION public.taskdesk_sync_push_new(uuid, text) FROM PUBLIC;
