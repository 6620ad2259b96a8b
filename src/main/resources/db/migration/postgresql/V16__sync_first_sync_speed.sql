-- Sync at the speed of a first sync (issue 10, ADR 0033): the body of taskdesk_sync_push again (CREATE OR REPLACE,
-- same signature and owner: every grant on it stays), after a profile of V15 in the functions (pg_stat_statements
-- with track = all, auto_explain of nested statements; bench/sync/speed --profile).
--
-- Push: the new-task step looked for each uid with NOT EXISTS, which the planner made an anti join; with the
-- person's rows counted at 2 (a first sync inserts them faster than ANALYZE counts them) it read all of the
-- person's tasks once per mutation, so a push of 1,000 new tasks cost 1,000 x the tasks already there (444,222 rows
-- read for 666 tasks at 1,333 already there; most of a push, and why a push got slower the more there were). Now a
-- scalar subquery per mutation by the unique (user_id, uid) index. The completions of new tasks found their tasks
-- the same way; now by the ids the INSERT returned, and only when some new task brought completions.
--
-- Pull: left as V15 made it. A page built as json and read as jsonb once was tried: the parse of the ~800 kB answer
-- costs what jsonb_build_object and jsonb_agg cost (median of 8 each, 1,000 tasks: 295 ms as jsonb, 323 ms as json
-- read as jsonb, at load 12).

-- The body V16 replaces is kept in sync_function_bodies (V15's table) under a 'v16:' name, so that U16 puts back
-- exactly V15's, and U15 after it finds only its own rows.

INSERT INTO public.sync_function_bodies (name, definition)
SELECT 'v16:' || f, pg_catalog.pg_get_functiondef(f::pg_catalog.regprocedure)
FROM unnest(ARRAY['public.taskdesk_sync_push(uuid, jsonb)']) AS f;

CREATE OR REPLACE FUNCTION public.taskdesk_sync_push(p_client_id uuid, p_mutations jsonb) RETURNS jsonb
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET statement_timeout = '30s'
    SET lock_timeout = '5s'
AS $$
DECLARE
    c_max_ahead_ms constant bigint := 5 * 60 * 1000;
    -- The inline checks' forms (step 1a): a subset of what the checking functions accept.
    c_uuid constant text := '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
    -- A node of 1 to 45 characters, as a length (20 to 64 in all) beside the pattern: the bounded repetition
    -- {1,45} makes PostgreSQL's regular expressions slow (tens of microseconds a stamp, seven stamps a task).
    c_stamp constant text := '^[0-9a-f]{13}-[0-9a-f]{4}-[0-9A-Za-z-]+$';
    c_date constant text := '^(19|[2-9][0-9])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$';
    c_clock constant text := '^([01][0-9]|2[0-3]):[0-5][0-9]$';
    c_time constant text := '^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])T([01][0-9]|2[0-3]):[0-5][0-9]'
                            || ':[0-5][0-9](\.[0-9]{1,6})?$';
    v_fine boolean[];
    v_greatest text[];
    v_wall bigint;
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
    v_fresh integer[];
    v_numbers bigint;
    v_base bigint;
    v_inserted integer[];
    v_inserted_ids integer[];
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

    -- 1a. At once, for every mutation: whether it is surely well-formed, by inline tests that accept a subset of
    -- what taskdesk_sync_mutation_problem accepts (days 1 to 28 only, for instance, so that no date test can fail);
    -- the others get that function's exact answer below. And its greatest stamp (taskdesk_sync_greatest_stamp).
    -- Calling the checks' small functions (SET search_path keeps them from being inlined) took half a push.
    WITH m AS (
        SELECT e.ord, e.value AS m, e.value ->> 'op' AS op,
               CASE WHEN jsonb_typeof(e.value -> 'fields') = 'object' THEN e.value -> 'fields' ELSE '{}' END AS fields
        FROM jsonb_array_elements(p_mutations) WITH ORDINALITY AS e(value, ord)
    )
    SELECT array_agg(
               jsonb_typeof(m.m -> 'id') = 'string' AND (m.m ->> 'id') ~* c_uuid
               AND jsonb_typeof(m.m -> 'task') = 'string' AND (m.m ->> 'task') ~* c_uuid
               AND m.op IN ('put', 'delete', 'restore')
               AND (m.op = 'put' OR (jsonb_typeof(m.m -> 'c') = 'string' AND length(m.m ->> 'c') BETWEEN 20 AND 64 AND (m.m ->> 'c') ~ c_stamp))
               AND (coalesce(jsonb_typeof(m.m -> 'created'), 'null') = 'null'
                    OR (jsonb_typeof(m.m -> 'created') = 'string' AND (m.m ->> 'created') ~ c_time))
               AND (m.op = 'delete' OR (
                   coalesce(jsonb_typeof(m.m -> 'fields'), 'null') IN ('object', 'null')
                   -- bool_and in the select list, not a WHERE: the planner would estimate each pattern's
                   -- selectivity, which took longer than running the query.
                   AND (SELECT coalesce(bool_and(coalesce(jsonb_typeof(f.value) = 'object' AND f.value ? 'v'
                           AND jsonb_typeof(f.value -> 'c') = 'string' AND length(f.value ->> 'c') BETWEEN 20 AND 64
                           AND (f.value ->> 'c') ~ c_stamp
                           AND CASE f.key
                               WHEN 'title' THEN jsonb_typeof(f.value -> 'v') = 'string'
                                   AND btrim(f.value ->> 'v') <> '' AND length(f.value ->> 'v') <= 200
                               WHEN 'description' THEN jsonb_typeof(f.value -> 'v') IN ('string', 'null')
                                   AND coalesce(length(f.value ->> 'v'), 0) <= 10000
                               WHEN 'priority' THEN jsonb_typeof(f.value -> 'v') = 'null'
                                   OR (jsonb_typeof(f.value -> 'v') = 'string'
                                       AND lower(f.value ->> 'v') IN ('low', 'medium', 'high'))
                               WHEN 'tags' THEN jsonb_typeof(f.value -> 'v') IN ('string', 'null')
                                   AND coalesce(length(f.value ->> 'v'), 0) <= 10000
                               WHEN 'due' THEN jsonb_typeof(f.value -> 'v') = 'null'
                                   OR (jsonb_typeof(f.value -> 'v') = 'object'
                                       AND jsonb_typeof(f.value #> '{v,date}') = 'string'
                                       AND (f.value #>> '{v,date}') ~ c_date
                                       AND (NOT (f.value -> 'v') ? 'time'
                                            OR (jsonb_typeof(f.value #> '{v,time}') = 'string'
                                                AND (f.value #>> '{v,time}') ~ c_clock)))
                               WHEN 'repeat' THEN jsonb_typeof(f.value -> 'v') IN ('string', 'null')
                                   AND coalesce(length(f.value ->> 'v'), 0) <= 500
                               WHEN 'completed' THEN jsonb_typeof(f.value -> 'v') = 'object'
                                   AND jsonb_typeof(f.value #> '{v,done}') = 'boolean'
                                   AND (CASE WHEN coalesce(jsonb_typeof(f.value #> '{v,at}'), 'null') = 'null'
                                             THEN NOT (f.value #>> '{v,done}')::boolean
                                             ELSE jsonb_typeof(f.value #> '{v,at}') = 'string'
                                                  AND (f.value #>> '{v,at}') ~ c_time END)
                               ELSE false END, false)), true)
                        FROM jsonb_each(m.fields) AS f(key, value))
                   AND coalesce(jsonb_typeof(m.m -> 'completions'), 'null') IN ('array', 'null')
                   AND (SELECT coalesce(bool_and(coalesce(jsonb_typeof(d.value -> 'uid') = 'string' AND (d.value ->> 'uid') ~* c_uuid
                           AND jsonb_typeof(d.value -> 'at') = 'string' AND (d.value ->> 'at') ~ c_time
                           AND (coalesce(jsonb_typeof(d.value -> 'due'), 'null') = 'null'
                                OR (jsonb_typeof(d.value -> 'due') = 'object'
                                    AND jsonb_typeof(d.value #> '{due,date}') = 'string'
                                    AND (d.value #>> '{due,date}') ~ c_date
                                    AND (NOT (d.value -> 'due') ? 'time'
                                         OR (jsonb_typeof(d.value #> '{due,time}') = 'string'
                                             AND (d.value #>> '{due,time}') ~ c_clock)))), false)), true)
                        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(m.m -> 'completions') = 'array'
                                                       THEN m.m -> 'completions' ELSE '[]' END) AS d(value))))
               ORDER BY m.ord),
           array_agg((SELECT coalesce(max(x.s COLLATE "C"), '')
                      FROM (SELECT m.m ->> 'c' AS s UNION ALL SELECT f.value ->> 'c' FROM jsonb_each(m.fields) AS f)
                           AS x WHERE x.s IS NOT NULL) ORDER BY m.ord)
    INTO v_fine, v_greatest
    FROM m;

    -- 1b. In order: what each mutation is (the same decisions, in the same order, as V10's single pass).
    v_wall := public.taskdesk_sync_wall_ms();
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
            v_problem := CASE WHEN v_fine[v_ord] THEN NULL ELSE public.taskdesk_sync_mutation_problem(v_m) END;
            IF v_problem IS NOT NULL THEN
                v_results[v_ord] := jsonb_build_object('status', 'rejected', 'reason', v_problem);
            ELSIF (CASE WHEN v_greatest[v_ord] ~ '^[0-9a-f]{13}-[0-9a-f]{4}-'
                        THEN ('x' || lpad(substr(v_greatest[v_ord], 1, 13), 16, '0'))::bit(64)::bigint ELSE 0 END)
                    > v_wall + c_max_ahead_ms THEN
                v_ahead_of := v_m ->> 'id';
                v_results[v_ord] := jsonb_build_object('status', 'clock_ahead',
                    'reason', 'its clock is more than 5 minutes ahead of the server''s');
            ELSE
                v_apply := v_apply || v_ord;
                v_clock := greatest(v_clock COLLATE "C", v_greatest[v_ord] COLLATE "C");
            END IF;
            IF v_results[v_ord] IS NULL OR v_results[v_ord] ->> 'status' <> 'clock_ahead' THEN
                v_last_seq := v_seq;
            END IF;
        END IF;
    END LOOP;

    -- Off whatever the session set before calling: only the one INSERT below numbers its own rows.
    PERFORM pg_catalog.set_config('taskdesk.sync_numbered', '', true);
    PERFORM pg_catalog.set_config('taskdesk.sync_applying', 'on', true);
    -- 2. New tasks, all at once: a put with a title of a uid that has no row and no tombstone here and comes once
    -- in what is applied. Nothing else in the push touches these uids, so applying them first changes no outcome
    -- (but one: a completion uid sent twice, on two tasks, is kept on the first applied, which may now be the new
    -- one; uids are made where completions are, so only a forged push does that). ON CONFLICT: a row of that uid
    -- written since it was looked for (not possible under the person's lock, kept as a guard) leaves the mutation
    -- to step 3, which merges into it.
    WITH candidates AS (
        SELECT e.ord::integer AS ord, e.value AS m, (e.value ->> 'task')::uuid AS uid, e.value -> 'fields' AS fields,
               count(*) OVER (PARTITION BY (e.value ->> 'task')::uuid) AS times
        FROM jsonb_array_elements(p_mutations) WITH ORDINALITY AS e(value, ord)
        WHERE e.ord = ANY (v_apply)
    )
    SELECT coalesce(array_agg(c.ord ORDER BY c.ord), '{}'),
           count(*) + coalesce(sum(CASE WHEN jsonb_typeof(c.m -> 'completions') = 'array'
                                        THEN jsonb_array_length(c.m -> 'completions') ELSE 0 END), 0)
    INTO v_fresh, v_numbers
    FROM candidates c
    WHERE c.times = 1 AND c.m ->> 'op' = 'put' AND jsonb_typeof(c.fields) = 'object' AND c.fields ? 'title'
      -- Scalar subqueries, not NOT EXISTS: a subplan per mutation by the unique (user_id, uid) index. As an anti
      -- join the planner, with a person's rows counted at 2 (no statistics yet for tasks inserted since the
      -- last ANALYZE, which is a first sync), read all of the person's tasks once per mutation: a push of 1,000
      -- new tasks to a person with n cost n x 1,000 row visits (ADR 0033).
      AND (SELECT t.id FROM public.tasks t WHERE t.user_id = v_user AND t.uid = c.uid) IS NULL
      AND (SELECT d.version FROM public.task_tombstones d WHERE d.user_id = v_user AND d.uid = c.uid) IS NULL;

    v_inserted := '{}';
    IF cardinality(v_fresh) > 0 THEN
        -- Their versions, one block, taken under the person's row lock held since the start (versions a conflict
        -- leaves unused are a gap, which a cursor "version > N" does not mind).
        UPDATE public.users u SET sync_version = u.sync_version + v_numbers WHERE u.id = v_user
        RETURNING u.sync_version - v_numbers INTO v_base;
        PERFORM pg_catalog.set_config('taskdesk.sync_numbered', 'on', true);
        WITH fresh AS (
            SELECT e.ord::integer AS ord, e.value AS m, (e.value ->> 'task')::uuid AS uid, e.value -> 'fields' AS fields,
                   row_number() OVER (ORDER BY e.ord) AS n
            FROM jsonb_array_elements(p_mutations) WITH ORDINALITY AS e(value, ord)
            WHERE e.ord = ANY (v_fresh)
        ), inserted AS (
            INSERT INTO public.tasks AS t (user_id, uid, title, description, priority, tags, due_date, due_has_time,
                                           recurrence_pattern, completed, completed_at, created_at, updated_at,
                                           field_clocks, version)
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
                    FROM unnest(ARRAY['title', 'description', 'priority', 'tags', 'due', 'repeat', 'completed'])
                         AS name),
                   v_base + f.n
            FROM fresh f
            ORDER BY f.ord
            ON CONFLICT (user_id, uid) DO NOTHING
            RETURNING t.id, t.version
        )
        -- A row's version says which mutation it came from (v_base + its place among the fresh ones): no join.
        SELECT coalesce(array_agg(v_fresh[(i.version - v_base)::integer] ORDER BY i.version), '{}'),
               coalesce(array_agg(i.id ORDER BY i.version), '{}')
        INTO v_inserted, v_inserted_ids
        FROM inserted i;
        -- Completions are an append-only set keyed by uid (as in taskdesk_sync_apply); numbered after the tasks. A
        -- statement of their own: the completions' row-level policy looks their task up, and a task inserted by
        -- the same statement is not visible to it yet.
        -- Only when some new task brought completions (v_numbers counts them); their tasks by the ids the INSERT
        -- returned, not looked up again (the same planner trap as above read all of the person's tasks once per
        -- new task, for a join that found no completion in a first sync of tasks never completed).
        IF v_numbers > cardinality(v_fresh) THEN
        INSERT INTO public.task_completions (task_id, user_id, uid, completed_at, due_date, due_has_time, version)
        SELECT t.id, v_user, (c.value ->> 'uid')::uuid, public.taskdesk_sync_timestamp(c.value ->> 'at'),
               public.taskdesk_sync_due_timestamp(c.value -> 'due'), coalesce((c.value -> 'due') ? 'time', false),
               v_base + cardinality(v_fresh) + coalesce(f.done_before, 0) + c.n
        FROM (SELECT e.ord, e.value AS m, (e.value ->> 'task')::uuid AS uid,
                     sum(CASE WHEN jsonb_typeof(e.value -> 'completions') = 'array'
                              THEN jsonb_array_length(e.value -> 'completions') ELSE 0 END)
                         OVER (ORDER BY e.ord ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS done_before
              FROM jsonb_array_elements(p_mutations) WITH ORDINALITY AS e(value, ord)
              WHERE e.ord = ANY (v_fresh)) AS f
             JOIN unnest(v_inserted, v_inserted_ids) AS t(ord, id) ON t.ord = f.ord
             CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(f.m -> 'completions') = 'array'
                                                          THEN f.m -> 'completions' ELSE '[]'::jsonb END)
                        WITH ORDINALITY AS c(value, n)
        ORDER BY f.ord, c.n
        ON CONFLICT (user_id, uid) DO NOTHING;
        END IF;
        PERFORM pg_catalog.set_config('taskdesk.sync_numbered', '', true);
    END IF;

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
