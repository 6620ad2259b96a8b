-- Sync at scale (issue 10, ADR 0031): push and pull do their work in a few set-based statements instead of one
-- PL/pgSQL pass per mutation, with the same answers. Only the bodies of taskdesk_sync_push and taskdesk_sync_pull
-- change (CREATE OR REPLACE, same signatures and owner, so every grant on them stays as V12 and later left it).
--
-- Push: a first pass over the mutations only classifies them (seq, duplicate, checks, clock ahead), cheap and in
-- order, as before. Then the common case of a first sync, a put of a task the server has never seen (no row, no
-- tombstone, its uid once in the push), goes in with one INSERT … SELECT for the whole push and one for their
-- completions; everything else (edits, deletes, restores, a uid twice in one push) goes through
-- taskdesk_sync_apply in push order, as before. The answer is built once (jsonb_agg) instead of growing an array
-- by one element per mutation, which copied it each time.
--
-- Pull: each of the three kinds is read by its own index range (user_id, version > N), ordered and cut at the
-- page size before the three are merged, so a page costs the same whatever the total: the union before read and
-- built JSON for every row past the cursor and then kept a page of them.
--
-- The bodies V15 replaces are kept in sync_function_bodies, so that U15 puts back exactly what was there (V13's
-- lines added to V10's bodies, or whatever a later migration of the same release left), instead of restating them.

CREATE TABLE public.sync_function_bodies (
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    CONSTRAINT sync_function_bodies_pkey PRIMARY KEY (name)
);
REVOKE ALL ON public.sync_function_bodies FROM PUBLIC;
INSERT INTO public.sync_function_bodies (name, definition)
SELECT f, pg_catalog.pg_get_functiondef(f::pg_catalog.regprocedure)
FROM unnest(ARRAY['public.taskdesk_sync_push(uuid, jsonb)', 'public.taskdesk_sync_pull(uuid, bigint, integer)']) AS f;

CREATE OR REPLACE FUNCTION public.taskdesk_sync_push(p_client_id uuid, p_mutations jsonb) RETURNS jsonb
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET statement_timeout = '30s'
    SET lock_timeout = '5s'
AS $$
DECLARE
    c_max_ahead_ms constant bigint := 5 * 60 * 1000;
    v_user integer := public.taskdesk_current_user_id();
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_clock text;
    v_last_seq bigint;
    v_m jsonb;
    v_ord integer;
    v_seq bigint;
    v_ahead_of text;
    v_problem text;
    -- The answer of each mutation by its place in the push (1-based), and the places still to apply.
    v_results jsonb[] := '{}';
    v_apply integer[] := '{}';
    v_inserted integer[];
    v_answer jsonb;
BEGIN
    PERFORM public.taskdesk_check_statement_age();
    PERFORM public.taskdesk_sync_purge_own(v_user);
    IF v_user IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TD004', MESSAGE = 'not signed in';
    END IF;
    IF p_client_id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'the client id is missing';
    END IF;
    IF p_mutations IS NULL OR jsonb_typeof(p_mutations) <> 'array' THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'the mutations must be a JSON array';
    END IF;
    IF jsonb_array_length(p_mutations) > 1000 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'a push holds at most 1000 mutations; got '
            || jsonb_array_length(p_mutations) || ': send them in batches';
    END IF;

    -- The person's row first, as every write of theirs takes it: pushes and direct writes queue up here.
    SELECT u.sync_clock INTO v_clock FROM public.users u WHERE u.id = v_user FOR NO KEY UPDATE;
    INSERT INTO public.sync_clients (user_id, client_id, last_seq, created_at)
    VALUES (v_user, p_client_id, 0, v_now) ON CONFLICT (user_id, client_id) DO NOTHING;
    SELECT c.last_seq INTO v_last_seq FROM public.sync_clients c
    WHERE c.user_id = v_user AND c.client_id = p_client_id FOR UPDATE;

    -- 1. In order: what each mutation is (the same decisions, in the same order, as V10's single pass).
    FOR v_m, v_ord IN SELECT e.value, e.ord::integer FROM jsonb_array_elements(p_mutations) WITH ORDINALITY AS e(value, ord) LOOP
        IF jsonb_typeof(v_m -> 'seq') IS DISTINCT FROM 'number' OR (v_m ->> 'seq') !~ '^[1-9][0-9]{0,17}$' THEN
            RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'every mutation needs a "seq", a whole number above 0';
        END IF;
        v_seq := (v_m ->> 'seq')::bigint;
        IF v_seq <= v_last_seq THEN
            v_results[v_ord] := '{"status": "duplicate"}';
        ELSIF v_ahead_of IS NOT NULL THEN
            -- last_seq must not pass a mutation that waits to be stamped again: the rest of the push waits too.
            v_results[v_ord] := jsonb_build_object('status', 'clock_ahead',
                'reason', 'waits for mutation ' || v_ahead_of || ', whose clock is ahead of the server''s');
        ELSE
            v_problem := public.taskdesk_sync_mutation_problem(v_m);
            IF v_problem IS NOT NULL THEN
                v_results[v_ord] := jsonb_build_object('status', 'rejected', 'reason', v_problem);
            ELSIF public.taskdesk_sync_stamp_ms(public.taskdesk_sync_greatest_stamp(v_m))
                    > public.taskdesk_sync_wall_ms() + c_max_ahead_ms THEN
                v_ahead_of := v_m ->> 'id';
                v_results[v_ord] := jsonb_build_object('status', 'clock_ahead',
                    'reason', 'its clock is more than 5 minutes ahead of the server''s');
            ELSE
                v_apply := v_apply || v_ord;
                v_clock := greatest(v_clock COLLATE "C", public.taskdesk_sync_greatest_stamp(v_m) COLLATE "C");
            END IF;
            IF v_results[v_ord] IS NULL OR v_results[v_ord] ->> 'status' <> 'clock_ahead' THEN
                v_last_seq := v_seq;
            END IF;
        END IF;
    END LOOP;

    PERFORM pg_catalog.set_config('taskdesk.sync_applying', 'on', true);
    -- 2. New tasks, all at once: a put with a title of a uid that has no row and no tombstone here and comes once
    -- in what is applied. Nothing else in the push touches these uids, so applying them first changes no outcome.
    -- ON CONFLICT: a row of that uid written since it was looked for (not possible under the person's lock, kept
    -- as a guard) leaves the mutation to step 3, which merges into it.
    WITH candidates AS (
        SELECT e.ord::integer AS ord, e.value AS m, (e.value ->> 'task')::uuid AS uid, e.value -> 'fields' AS fields,
               count(*) OVER (PARTITION BY (e.value ->> 'task')::uuid) AS times
        FROM jsonb_array_elements(p_mutations) WITH ORDINALITY AS e(value, ord)
        WHERE e.ord = ANY (v_apply)
    ), fresh AS (
        SELECT c.* FROM candidates c
        WHERE c.times = 1 AND c.m ->> 'op' = 'put' AND jsonb_typeof(c.fields) = 'object' AND c.fields ? 'title'
          AND NOT EXISTS (SELECT 1 FROM public.tasks t WHERE t.user_id = v_user AND t.uid = c.uid)
          AND NOT EXISTS (SELECT 1 FROM public.task_tombstones d WHERE d.user_id = v_user AND d.uid = c.uid)
    ), inserted AS (
        INSERT INTO public.tasks AS t (user_id, uid, title, description, priority, tags, due_date, due_has_time,
                                       recurrence_pattern, completed, completed_at, created_at, updated_at,
                                       field_clocks)
        SELECT v_user, f.uid, f.fields #>> '{title,v}', coalesce(f.fields #>> '{description,v}', ''),
               lower(f.fields #>> '{priority,v}'), f.fields #>> '{tags,v}',
               public.taskdesk_sync_due_timestamp(f.fields #> '{due,v}'),
               coalesce((f.fields #> '{due,v}') ? 'time', false),
               f.fields #>> '{repeat,v}', coalesce((f.fields #>> '{completed,v,done}')::boolean, false),
               public.taskdesk_sync_timestamp(f.fields #>> '{completed,v,at}'),
               coalesce(public.taskdesk_sync_timestamp(f.m ->> 'created'), v_now), v_now,
               -- Fields not given get the least stamp given, and no value (as taskdesk_sync_insert_task).
               (SELECT jsonb_object_agg(name, coalesce(f.fields #> ARRAY[name, 'c'],
                                                        to_jsonb((SELECT min((s.value ->> 'c') COLLATE "C")
                                                                  FROM jsonb_each(f.fields) AS s))))
                FROM unnest(ARRAY['title', 'description', 'priority', 'tags', 'due', 'repeat', 'completed']) AS name)
        FROM fresh f
        ORDER BY f.ord
        ON CONFLICT (user_id, uid) DO NOTHING
        RETURNING t.id, t.uid
    ), completions AS (
        -- Completions are an append-only set keyed by uid (as in taskdesk_sync_apply).
        INSERT INTO public.task_completions (task_id, user_id, uid, completed_at, due_date, due_has_time)
        SELECT i.id, v_user, (c.value ->> 'uid')::uuid, public.taskdesk_sync_timestamp(c.value ->> 'at'),
               public.taskdesk_sync_due_timestamp(c.value -> 'due'), coalesce((c.value -> 'due') ? 'time', false)
        FROM inserted i JOIN fresh f ON f.uid = i.uid
             CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(f.m -> 'completions') = 'array'
                                                          THEN f.m -> 'completions' ELSE '[]'::jsonb END)
                        WITH ORDINALITY AS c(value, n)
        ORDER BY f.ord, c.n
        ON CONFLICT (user_id, uid) DO NOTHING
    )
    SELECT coalesce(array_agg(f.ord), '{}') INTO v_inserted
    FROM fresh f JOIN inserted i ON i.uid = f.uid;

    -- 3. The rest, one at a time and in push order, as V10 did.
    FOR v_ord IN SELECT a.ord FROM unnest(v_apply) AS a(ord) WHERE a.ord <> ALL (v_inserted) ORDER BY a.ord LOOP
        v_results[v_ord] := public.taskdesk_sync_apply(v_user, p_mutations -> (v_ord - 1));
    END LOOP;
    PERFORM pg_catalog.set_config('taskdesk.sync_applying', '', true);

    SELECT coalesce(jsonb_agg(jsonb_build_object('id', e.value -> 'id')
                              || coalesce(v_results[e.ord::integer], '{"status": "applied"}'::jsonb) ORDER BY e.ord), '[]')
    INTO v_answer
    FROM jsonb_array_elements(p_mutations) WITH ORDINALITY AS e(value, ord);

    UPDATE public.sync_clients c SET last_seq = v_last_seq, last_push_at = v_now
    WHERE c.user_id = v_user AND c.client_id = p_client_id;
    -- The server clock takes in every stamp it accepted, so its own later stamps are greater.
    UPDATE public.users u SET sync_clock = greatest(u.sync_clock COLLATE "C", v_clock COLLATE "C")
    WHERE u.id = v_user AND u.sync_clock COLLATE "C" < v_clock COLLATE "C";
    RETURN jsonb_build_object('server_clock', public.taskdesk_sync_clock_now(v_clock), 'results', v_answer);
END
$$;

CREATE OR REPLACE FUNCTION public.taskdesk_sync_pull(p_client_id uuid, p_after bigint, p_limit integer) RETURNS jsonb
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET statement_timeout = '30s'
    SET lock_timeout = '5s'
AS $$
DECLARE
    v_user integer := public.taskdesk_current_user_id();
    v_answer jsonb;
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
    IF p_limit IS NULL OR p_limit NOT BETWEEN 1 AND 5000 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'the limit must be between 1 and 5000';
    END IF;

    -- Each kind cut at p_limit + 1 rows of its own index range before the three are merged: the page, and whether
    -- there is more, never depend on how many rows lie past it.
    WITH me AS (
        SELECT u.sync_version, u.sync_floor, u.sync_clock FROM public.users u WHERE u.id = v_user
    ), items AS (
        SELECT x.version, x.kind, x.item FROM (
            (SELECT t.version, 't' AS kind, jsonb_build_object(
                       'uid', t.uid, 'version', t.version, 'created', t.created_at, 'updated', t.updated_at,
                       'fields', jsonb_build_object(
                           'title', jsonb_build_object('v', t.title, 'c', t.field_clocks -> 'title'),
                           'description', jsonb_build_object('v', coalesce(t.description, ''),
                                                             'c', t.field_clocks -> 'description'),
                           'priority', jsonb_build_object('v', t.priority, 'c', t.field_clocks -> 'priority'),
                           'tags', jsonb_build_object('v', t.tags, 'c', t.field_clocks -> 'tags'),
                           'due', jsonb_build_object('v', CASE
                                   WHEN t.due_date IS NULL THEN NULL
                                   WHEN t.due_has_time THEN jsonb_build_object('date', to_char(t.due_date, 'YYYY-MM-DD'),
                                                                               'time', to_char(t.due_date, 'HH24:MI'))
                                   ELSE jsonb_build_object('date', to_char(t.due_date, 'YYYY-MM-DD')) END,
                               'c', t.field_clocks -> 'due'),
                           'repeat', jsonb_build_object('v', t.recurrence_pattern, 'c', t.field_clocks -> 'repeat'),
                           'completed', jsonb_build_object('v', jsonb_build_object('done', t.completed)
                                   || CASE WHEN t.completed_at IS NULL THEN '{}'::jsonb
                                           ELSE jsonb_build_object('at', t.completed_at) END,
                               'c', t.field_clocks -> 'completed'))) AS item
             FROM public.tasks t WHERE t.user_id = v_user AND t.version > p_after
             ORDER BY t.version LIMIT p_limit + 1)
            UNION ALL
            (SELECT d.version, 'd', jsonb_build_object('uid', d.uid, 'version', d.version, 'c', d.stamp)
             FROM public.task_tombstones d WHERE d.user_id = v_user AND d.version > p_after
             ORDER BY d.version LIMIT p_limit + 1)
            UNION ALL
            (SELECT c.version, 'c', jsonb_build_object('uid', c.uid, 'task', t.uid, 'at', c.completed_at,
                       'due', CASE WHEN c.due_date IS NULL THEN NULL
                                   WHEN c.due_has_time THEN jsonb_build_object('date', to_char(c.due_date, 'YYYY-MM-DD'),
                                                                               'time', to_char(c.due_date, 'HH24:MI'))
                                   ELSE jsonb_build_object('date', to_char(c.due_date, 'YYYY-MM-DD')) END,
                       'version', c.version)
             FROM public.task_completions c JOIN public.tasks t ON t.id = c.task_id
             WHERE c.user_id = v_user AND c.version > p_after
             ORDER BY c.version LIMIT p_limit + 1)
            ORDER BY 1
            LIMIT p_limit + 1
        ) AS x
    ), page AS (
        SELECT * FROM items ORDER BY version LIMIT p_limit
    )
    SELECT CASE
        -- Tombstones this cursor had not reached are purged (or the cursor is from another database): start again.
        WHEN (p_after > 0 AND p_after < me.sync_floor) OR p_after > me.sync_version
            THEN jsonb_build_object('server_clock', public.taskdesk_sync_clock_now(me.sync_clock), 'resync', true)
        ELSE jsonb_build_object(
            'server_clock', public.taskdesk_sync_clock_now(me.sync_clock),
            'resync', false,
            'version', coalesce((SELECT max(p.version) FROM page p), p_after),
            'more', (SELECT count(*) FROM items) > p_limit,
            'tasks', coalesce((SELECT jsonb_agg(p.item ORDER BY p.version) FROM page p WHERE p.kind = 't'), '[]'),
            'deleted', coalesce((SELECT jsonb_agg(p.item ORDER BY p.version) FROM page p WHERE p.kind = 'd'), '[]'),
            'completions', coalesce((SELECT jsonb_agg(p.item ORDER BY p.version) FROM page p WHERE p.kind = 'c'),
                                    '[]'))
        END
    INTO v_answer FROM me;

    INSERT INTO public.sync_clients AS c (user_id, client_id, last_seq, created_at, last_pull_at)
    VALUES (v_user, p_client_id, 0, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
    ON CONFLICT (user_id, client_id) DO UPDATE SET last_pull_at = EXCLUDED.last_pull_at;
    RETURN v_answer;
END
$$;
