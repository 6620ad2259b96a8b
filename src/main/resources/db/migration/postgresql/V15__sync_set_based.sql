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
-- A resync longer than one page (issue 10): its later pages start below the purge floor, and were told to resync
-- again, so a resync of more than one page never ended; and its last page gave the version of its newest live item,
-- which can stay below the floor, so every round after it was another resync. Now the last page of any pull gives
-- the person's newest version (every row up to it is in the same snapshot: versions are taken under the person's row
-- lock and committed with their rows), and a device may go on below the floor exactly where its own previous page,
-- with more to come, ended (sync_clients.resync_at). Another device, or another cursor, still resyncs.
--
-- The bodies V15 replaces are kept in sync_function_bodies, so that U15 puts back exactly what was there (V13's
-- lines added to V10's bodies, or whatever a later migration of the same release left), instead of restating them.

ALTER TABLE public.sync_clients ADD COLUMN resync_at BIGINT;

CREATE TABLE public.sync_function_bodies (
    name TEXT NOT NULL,
    definition TEXT NOT NULL,
    CONSTRAINT sync_function_bodies_pkey PRIMARY KEY (name)
);
REVOKE ALL ON public.sync_function_bodies FROM PUBLIC;
INSERT INTO public.sync_function_bodies (name, definition)
SELECT f, pg_catalog.pg_get_functiondef(f::pg_catalog.regprocedure)
FROM unnest(ARRAY['public.taskdesk_sync_push(uuid, jsonb)', 'public.taskdesk_sync_pull(uuid, bigint, integer)',
                  'public.taskdesk_sync_task_written()', 'public.taskdesk_sync_take_version()',
                  'public.taskdesk_check_statement_age()']) AS f;

-- A member may switch their own statement_timeout off (any session may) and run a query that calls no TaskDesk
-- function, a core for as long as they like (issue 11). Every TaskDesk function checks its statement's age first;
-- one such check in twenty now also cancels the statements of members' logins (the shared one and each device's,
-- whose privileges the owner holds: V14's taskdesk_restore_login and 'server setup' grant them to it) that have run
-- past the longest statement. Any honest device's sync is the watchdog; there is no process to run. The owner's
-- own statements (migrations) and those of roles that are members of the owner are never touched, and a failure
-- to cancel never fails the caller.
CREATE OR REPLACE FUNCTION public.taskdesk_check_statement_age() RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_longest integer := coalesce((SELECT s.longest_statement_ms FROM public.server_settings s), 30000);
BEGIN
    IF clock_timestamp() - statement_timestamp() > make_interval(secs => v_longest / 1000.0) THEN
        RAISE EXCEPTION USING ERRCODE = '57014',
            MESSAGE = format('TaskDesk stops statements that run longer than %s ms', v_longest);
    END IF;
    IF random() < 0.05 THEN
        BEGIN
            -- A fresh view of the backends, and a second past the longest statement: a statement its own timeout
            -- ends at the longest is never seen still running, so the cancel cannot land on the next statement of
            -- an honest device whose previous one ran to its timeout.
            PERFORM pg_stat_clear_snapshot();
            PERFORM pg_cancel_backend(a.pid) FROM pg_stat_activity a
            WHERE a.datname = current_database() AND a.state = 'active' AND a.pid <> pg_backend_pid()
              AND a.usesysid IS NOT NULL AND a.usename <> current_user
              AND pg_has_role(current_user, a.usesysid, 'USAGE') AND NOT pg_has_role(a.usesysid, current_user, 'USAGE')
              AND a.query_start < clock_timestamp() - make_interval(secs => v_longest / 1000.0 + 1);
        EXCEPTION WHEN OTHERS THEN
            NULL; -- a backend that ended meanwhile, or one the owner may not signal: the next check tries again
        END;
    END IF;
    RETURN true;
END
$$;

-- The version triggers: a row the push has numbered itself keeps its version. The push takes a block of versions
-- with one UPDATE of the person's row (held locked to commit, as before) instead of one UPDATE per row: 1,000 updates
-- of one row in one transaction leave 1,000 versions of it that every later update and foreign-key check walks.
-- Only inside a push (taskdesk.sync_applying and taskdesk.sync_numbered both on, set and reset by the push itself
-- around its one INSERT of new tasks); the client login has no table rights to write rows any other way. As V13
-- did, the line goes into the bodies the database has, after their BEGIN.
DO $$
DECLARE
    v_name text;
    v_definition text;
    v_numbered text;
BEGIN
    FOREACH v_name IN ARRAY ARRAY['public.taskdesk_sync_task_written()', 'public.taskdesk_sync_take_version()'] LOOP
        v_definition := pg_catalog.pg_get_functiondef(v_name::pg_catalog.regprocedure);
        v_numbered := regexp_replace(v_definition, E'\nBEGIN\n',
            E'\nBEGIN\n    IF TG_OP = ''INSERT'' AND coalesce(current_setting(''taskdesk.sync_numbered'', true), '''') = ''on'''
            || E'\n            AND coalesce(current_setting(''taskdesk.sync_applying'', true), '''') = ''on'' THEN\n'
            || E'        RETURN NEW;\n    END IF;\n');
        IF v_numbered = v_definition THEN
            RAISE EXCEPTION 'V15: % has no BEGIN line to put the numbered-row check after', v_name;
        END IF;
        EXECUTE v_numbered;
    END LOOP;
END
$$;

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
      AND NOT EXISTS (SELECT 1 FROM public.tasks t WHERE t.user_id = v_user AND t.uid = c.uid)
      AND NOT EXISTS (SELECT 1 FROM public.task_tombstones d WHERE d.user_id = v_user AND d.uid = c.uid);

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
            RETURNING t.id, t.uid
        )
        SELECT coalesce(array_agg(f.ord), '{}') INTO v_inserted
        FROM fresh f JOIN inserted i ON i.uid = f.uid;
        -- Completions are an append-only set keyed by uid (as in taskdesk_sync_apply); numbered after the tasks. A
        -- statement of their own: the completions' row-level policy looks their task up, and a task inserted by
        -- the same statement is not visible to it yet.
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
             JOIN public.tasks t ON t.user_id = v_user AND t.uid = f.uid
             CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(f.m -> 'completions') = 'array'
                                                          THEN f.m -> 'completions' ELSE '[]'::jsonb END)
                        WITH ORDINALITY AS c(value, n)
        WHERE f.ord = ANY (v_inserted)
        ORDER BY f.ord, c.n
        ON CONFLICT (user_id, uid) DO NOTHING;
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
        SELECT u.sync_version, u.sync_floor, u.sync_clock,
               (SELECT c.resync_at FROM public.sync_clients c
                WHERE c.user_id = v_user AND c.client_id = p_client_id) AS resync_at
        FROM public.users u WHERE u.id = v_user
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
        -- Except where this device's own page, with more to come, ended: a pull from 0 going on.
        WHEN (p_after > 0 AND p_after < me.sync_floor AND p_after IS DISTINCT FROM me.resync_at)
             OR p_after > me.sync_version
            THEN jsonb_build_object('server_clock', public.taskdesk_sync_clock_now(me.sync_clock), 'resync', true)
        ELSE jsonb_build_object(
            'server_clock', public.taskdesk_sync_clock_now(me.sync_clock),
            'resync', false,
            'version', CASE WHEN (SELECT count(*) FROM items) > p_limit
                            THEN (SELECT max(p.version) FROM page p) ELSE me.sync_version END,
            'more', (SELECT count(*) FROM items) > p_limit,
            'tasks', coalesce((SELECT jsonb_agg(p.item ORDER BY p.version) FROM page p WHERE p.kind = 't'), '[]'),
            'deleted', coalesce((SELECT jsonb_agg(p.item ORDER BY p.version) FROM page p WHERE p.kind = 'd'), '[]'),
            'completions', coalesce((SELECT jsonb_agg(p.item ORDER BY p.version) FROM page p WHERE p.kind = 'c'),
                                    '[]'))
        END
    INTO v_answer FROM me;

    INSERT INTO public.sync_clients AS c (user_id, client_id, last_seq, created_at, last_pull_at, resync_at)
    VALUES (v_user, p_client_id, 0, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC',
            CASE WHEN (v_answer ->> 'more')::boolean THEN (v_answer ->> 'version')::bigint END)
    ON CONFLICT (user_id, client_id) DO UPDATE SET last_pull_at = EXCLUDED.last_pull_at, resync_at = EXCLUDED.resync_at;
    RETURN v_answer;
END
$$;
