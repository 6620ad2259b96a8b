-- Sync protocol v1, the server half (issue 10; docs/decisions/0023-sync-server.md; the contract is the protocol
-- text both halves were built from). Every device keeps its own replica and talks to this server only through
-- taskdesk_sync_push and taskdesk_sync_pull; the app's direct writes (Hibernate, `taskdesk tasks`) keep working and
-- triggers keep them in the protocol.
--
-- Ideas, in short:
-- - a task and a completion have a uid (UUID) made where they were created; integer ids stay local. uids are unique
--   per person, not across people, so nobody can learn from a duplicate key that someone else holds a uid;
-- - every write to a person's tasks, completions or tombstones takes the next value of users.sync_version, bumped
--   with UPDATE … RETURNING: the users row lock is held to commit, so one person's versions become visible in commit
--   order and "version > N" is a cursor that never skips a late commit;
-- - seven fields merge one by one, each by its own hybrid-logical-clock stamp (text, compared with COLLATE "C");
-- - a delete leaves a tombstone that wins over plain edits; purging old ones raises users.sync_floor, below which a
--   pull answers "resync".
-- Same rules as V4: every function pins search_path, names tables with their schema and has EXECUTE revoked from
-- PUBLIC; push, pull, purge and the trigger functions are SECURITY DEFINER; SharedServerSetup grants push and pull
-- (only) to the client role. The helpers take a person's id, so only the owner (through push) may call them.

-- Server clock per person (stamps the server makes for direct writes are greater than every stamp it has made or
-- received for that person), the version counter, and the greatest purged tombstone version.
ALTER TABLE users ADD COLUMN sync_version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE users ADD COLUMN sync_floor BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE users ADD COLUMN sync_clock VARCHAR(64) DEFAULT '' NOT NULL;

-- A volatile default is evaluated for every existing row: each gets its own uid.
ALTER TABLE tasks ADD COLUMN uid UUID DEFAULT gen_random_uuid() NOT NULL;
ALTER TABLE tasks ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
-- {"title": "<stamp>", "description": …, "priority", "tags", "due", "repeat", "completed"}: one jsonb rather than seven
-- columns, because the seven always travel together (pull sends them all, a merge writes any subset in one UPDATE)
-- and the device keeps the same JSON text (ADR 0023).
ALTER TABLE tasks ADD COLUMN field_clocks JSONB;
ALTER TABLE task_completions ADD COLUMN uid UUID DEFAULT gen_random_uuid() NOT NULL;
ALTER TABLE task_completions ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;

-- The backfill must see everyone's rows: forced row-level security is lifted inside this transaction only.
ALTER TABLE tasks NO FORCE ROW LEVEL SECURITY;
ALTER TABLE task_completions NO FORCE ROW LEVEL SECURITY;
WITH numbered AS (SELECT t.id, row_number() OVER (PARTITION BY t.user_id ORDER BY t.id) AS n FROM tasks t)
UPDATE tasks t SET version = numbered.n FROM numbered WHERE t.id = numbered.id;
WITH counts AS (SELECT t.user_id, count(*) AS n FROM tasks t GROUP BY t.user_id),
     numbered AS (SELECT c.id, row_number() OVER (PARTITION BY c.user_id ORDER BY c.id) + coalesce(counts.n, 0) AS n
                  FROM task_completions c LEFT JOIN counts ON counts.user_id = c.user_id)
UPDATE task_completions c SET version = numbered.n FROM numbered WHERE c.id = numbered.id;
UPDATE users u SET sync_version = (SELECT count(*) FROM tasks t WHERE t.user_id = u.id)
                                + (SELECT count(*) FROM task_completions c WHERE c.user_id = u.id);
-- Existing rows: every field stamped by the server, now.
UPDATE users u SET sync_clock = lpad(to_hex(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint), 13, '0')
                                || '-0000-server';
UPDATE tasks t SET field_clocks = (SELECT jsonb_build_object('title', u.sync_clock, 'description', u.sync_clock,
        'priority', u.sync_clock, 'tags', u.sync_clock, 'due', u.sync_clock, 'repeat', u.sync_clock,
        'completed', u.sync_clock) FROM users u WHERE u.id = t.user_id);
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
ALTER TABLE task_completions FORCE ROW LEVEL SECURITY;

ALTER TABLE tasks ALTER COLUMN field_clocks SET NOT NULL;
ALTER TABLE tasks ALTER COLUMN version DROP DEFAULT;
ALTER TABLE task_completions ALTER COLUMN version DROP DEFAULT;
ALTER TABLE tasks ADD CONSTRAINT tasks_user_id_uid_key UNIQUE (user_id, uid);
ALTER TABLE task_completions ADD CONSTRAINT task_completions_user_id_uid_key UNIQUE (user_id, uid);
-- Pull asks for "one person's rows with version > N, in version order".
CREATE INDEX idx_tasks_user_version ON tasks (user_id, version);
CREATE INDEX idx_task_completions_user_version ON task_completions (user_id, version);

-- A deleted task leaves its uid, the stamp of the delete and a version, so that every replica learns of it and a put
-- for it never brings it back. Purged after a while (taskdesk_sync_purge), which raises users.sync_floor.
CREATE TABLE task_tombstones (
    user_id INTEGER NOT NULL,
    uid UUID NOT NULL,
    stamp VARCHAR(64) NOT NULL,
    version BIGINT NOT NULL,
    deleted_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
    CONSTRAINT task_tombstones_pkey PRIMARY KEY (user_id, uid),
    CONSTRAINT task_tombstones_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX idx_task_tombstones_user_version ON task_tombstones (user_id, version);
CREATE INDEX idx_task_tombstones_deleted_at ON task_tombstones (deleted_at);

-- What each replica has pushed: a mutation with seq <= last_seq was applied (or rejected) already. Keyed by the
-- person too, so a client id forged from someone else's only ever names a row of the caller's own.
CREATE TABLE sync_clients (
    user_id INTEGER NOT NULL,
    client_id UUID NOT NULL,
    last_seq BIGINT DEFAULT 0 NOT NULL,
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
    last_push_at TIMESTAMP WITHOUT TIME ZONE,
    last_pull_at TIMESTAMP WITHOUT TIME ZONE,
    CONSTRAINT sync_clients_pkey PRIMARY KEY (user_id, client_id),
    CONSTRAINT sync_clients_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- Like tasks (V4): every statement, the owner's functions included, sees only the signed-in person's rows. The client
-- role gets no rights on either table; only the functions below reach them. Purging tombstones (taskdesk_sync_purge,
-- the owner's) must see everyone's: a statement run by the owner's own login (session_user, which no client can
-- change, is then the role the statement runs as) may read and delete them. A function the client calls runs as
-- the owner but keeps the client's session_user, so it sees only the signed-in person's rows.
ALTER TABLE task_tombstones ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_tombstones FORCE ROW LEVEL SECURITY;
CREATE POLICY task_tombstones_of_signed_in_user ON task_tombstones
    FOR ALL
    USING (user_id = (SELECT public.taskdesk_current_user_id()) OR (SELECT session_user = current_user))
    WITH CHECK (user_id = (SELECT public.taskdesk_current_user_id()));
ALTER TABLE sync_clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_clients FORCE ROW LEVEL SECURITY;
CREATE POLICY sync_clients_of_signed_in_user ON sync_clients
    FOR ALL
    USING (user_id = (SELECT public.taskdesk_current_user_id()))
    WITH CHECK (user_id = (SELECT public.taskdesk_current_user_id()));

-- ---------------------------------------------------------------------------------------------------------------
-- The hybrid logical clock. A stamp is '%013x-%04x-%s': milliseconds since the epoch, a counter, the node ('server'
-- here, the client id on a device). Later stamps are greater strings.

CREATE FUNCTION public.taskdesk_sync_wall_ms() RETURNS bigint
    LANGUAGE sql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint
$$;

-- The milliseconds of a stamp (0 for '' or anything malformed).
CREATE FUNCTION public.taskdesk_sync_stamp_ms(p_stamp text) RETURNS bigint
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN p_stamp ~ '^[0-9a-f]{13}-[0-9a-f]{4}-'
                THEN ('x' || lpad(substr(p_stamp, 1, 13), 16, '0'))::bit(64)::bigint ELSE 0 END
$$;

-- A new server stamp greater than p_last (the greatest stamp made or received so far) and not behind the wall clock.
CREATE FUNCTION public.taskdesk_sync_next_stamp(p_last text) RETURNS text
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_wall bigint := public.taskdesk_sync_wall_ms();
    v_ms bigint := public.taskdesk_sync_stamp_ms(p_last);
    v_counter integer := CASE WHEN p_last ~ '^[0-9a-f]{13}-[0-9a-f]{4}-'
                              THEN ('x' || lpad(substr(p_last, 15, 4), 8, '0'))::bit(32)::integer ELSE 0 END;
BEGIN
    IF v_wall > v_ms THEN
        v_ms := v_wall;
        v_counter := 0;
    ELSIF v_counter >= 65535 THEN
        v_ms := v_ms + 1;
        v_counter := 0;
    ELSE
        v_counter := v_counter + 1;
    END IF;
    RETURN lpad(to_hex(v_ms), 13, '0') || '-' || lpad(to_hex(v_counter), 4, '0') || '-server';
END
$$;

-- What the server tells a client its clock reads: the wall clock, or the last stamp if that is ahead of it.
CREATE FUNCTION public.taskdesk_sync_clock_now(p_last text) RETURNS text
    LANGUAGE sql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT greatest(lpad(to_hex(public.taskdesk_sync_wall_ms()), 13, '0') || '-0000-server' COLLATE "C",
                    coalesce(p_last, '') COLLATE "C")
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Triggers: every write takes a version; writes that do not come through the sync functions (the app, `taskdesk
-- tasks`) also get server stamps and leave tombstones. Inside the sync functions taskdesk.sync_applying is 'on'
-- and the functions write stamps and tombstones themselves.

-- One person's writes queue up on their users row before any task row is locked, in the same order as the sync
-- functions take them (users row first), so a direct edit and a push of the same task cannot deadlock.
CREATE FUNCTION public.taskdesk_sync_lock_person() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM 1 FROM public.users u WHERE u.id = public.taskdesk_current_user_id() FOR NO KEY UPDATE;
    RETURN NULL;
END
$$;

-- Completions and tombstones: the next version of their person.
CREATE FUNCTION public.taskdesk_sync_take_version() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_signed_in integer := public.taskdesk_current_user_id();
BEGIN
    -- Row-level security refuses a row of someone else's after this trigger; refused here already, so that their
    -- counter is not even touched.
    IF NEW.user_id IS DISTINCT FROM v_signed_in AND v_signed_in IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = 'new row violates row-level security policy for table "' || TG_TABLE_NAME || '"';
    END IF;
    UPDATE public.users u SET sync_version = u.sync_version + 1 WHERE u.id = NEW.user_id
    RETURNING u.sync_version INTO NEW.version;
    RETURN NEW;
END
$$;

-- Tasks: the next version; outside sync also a server stamp on every field a direct insert sets or a direct update
-- changes (greater than the stamp it had: the server clock has taken in every stamp stored for this person).
CREATE FUNCTION public.taskdesk_sync_task_written() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_changed text[] := '{}';
    v_version bigint;
    v_clock text;
    v_signed_in integer;
BEGIN
    IF coalesce(current_setting('taskdesk.sync_applying', true), '') <> 'on' THEN
        -- As for completions: someone else's row is refused before their counter is touched.
        v_signed_in := public.taskdesk_current_user_id();
        IF NEW.user_id IS DISTINCT FROM v_signed_in AND v_signed_in IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = '42501',
                MESSAGE = 'new row violates row-level security policy for table "tasks"';
        END IF;
        IF TG_OP = 'INSERT' THEN
            v_changed := ARRAY['title', 'description', 'priority', 'tags', 'due', 'repeat', 'completed'];
        ELSE
            -- A uid is the task's identity on every device: a direct write keeps it, and never picks its stamps.
            NEW.uid := OLD.uid;
            NEW.field_clocks := OLD.field_clocks;
            IF NEW.title IS DISTINCT FROM OLD.title THEN v_changed := v_changed || 'title'::text; END IF;
            IF NEW.description IS DISTINCT FROM OLD.description THEN v_changed := v_changed || 'description'::text; END IF;
            IF NEW.priority IS DISTINCT FROM OLD.priority THEN v_changed := v_changed || 'priority'::text; END IF;
            IF NEW.tags IS DISTINCT FROM OLD.tags THEN v_changed := v_changed || 'tags'::text; END IF;
            IF (NEW.due_date, NEW.due_has_time) IS DISTINCT FROM (OLD.due_date, OLD.due_has_time) THEN
                v_changed := v_changed || 'due'::text;
            END IF;
            IF NEW.recurrence_pattern IS DISTINCT FROM OLD.recurrence_pattern THEN
                v_changed := v_changed || 'repeat'::text;
            END IF;
            IF (NEW.completed, NEW.completed_at) IS DISTINCT FROM (OLD.completed, OLD.completed_at) THEN
                v_changed := v_changed || 'completed'::text;
            END IF;
        END IF;
    END IF;
    UPDATE public.users u
    SET sync_version = u.sync_version + 1,
        sync_clock = CASE WHEN cardinality(v_changed) > 0 THEN public.taskdesk_sync_next_stamp(u.sync_clock)
                          ELSE u.sync_clock END
    WHERE u.id = NEW.user_id
    RETURNING u.sync_version, u.sync_clock INTO v_version, v_clock;
    NEW.version := v_version;
    IF cardinality(v_changed) > 0 THEN
        NEW.field_clocks := coalesce(NEW.field_clocks, '{}'::jsonb)
                            || (SELECT jsonb_object_agg(f, v_clock) FROM unnest(v_changed) AS f);
    END IF;
    RETURN NEW;
END
$$;

-- A direct delete leaves a tombstone stamped by the server. Not when the person's account is going (ON DELETE
-- CASCADE from users): their tombstones go with them.
CREATE FUNCTION public.taskdesk_sync_task_deleted() RETURNS trigger
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_stamp text;
BEGIN
    IF coalesce(current_setting('taskdesk.sync_applying', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    UPDATE public.users u SET sync_clock = public.taskdesk_sync_next_stamp(u.sync_clock) WHERE u.id = OLD.user_id
    RETURNING u.sync_clock INTO v_stamp;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    INSERT INTO public.task_tombstones AS d (user_id, uid, stamp, version, deleted_at)
    VALUES (OLD.user_id, OLD.uid, v_stamp, 0, now() AT TIME ZONE 'UTC')
    ON CONFLICT (user_id, uid) DO UPDATE SET stamp = EXCLUDED.stamp, deleted_at = EXCLUDED.deleted_at;
    RETURN NULL;
END
$$;

CREATE TRIGGER tasks_lock_person BEFORE INSERT OR UPDATE OR DELETE ON tasks
    FOR EACH STATEMENT EXECUTE FUNCTION public.taskdesk_sync_lock_person();
CREATE TRIGGER tasks_sync_written BEFORE INSERT OR UPDATE ON tasks
    FOR EACH ROW EXECUTE FUNCTION public.taskdesk_sync_task_written();
CREATE TRIGGER tasks_sync_deleted AFTER DELETE ON tasks
    FOR EACH ROW EXECUTE FUNCTION public.taskdesk_sync_task_deleted();
CREATE TRIGGER task_completions_lock_person BEFORE INSERT OR UPDATE OR DELETE ON task_completions
    FOR EACH STATEMENT EXECUTE FUNCTION public.taskdesk_sync_lock_person();
CREATE TRIGGER task_completions_sync_version BEFORE INSERT OR UPDATE ON task_completions
    FOR EACH ROW EXECUTE FUNCTION public.taskdesk_sync_take_version();
CREATE TRIGGER task_tombstones_sync_version BEFORE INSERT OR UPDATE ON task_tombstones
    FOR EACH ROW EXECUTE FUNCTION public.taskdesk_sync_take_version();

-- ---------------------------------------------------------------------------------------------------------------
-- Checking what a client sends. Each check returns NULL when the value is fine, else a one-line reason.

-- A timestamp from text, or NULL when the text is not one ('2026-11-28T10:00:00', fractions allowed).
CREATE FUNCTION public.taskdesk_sync_timestamp(p_text text) RETURNS timestamp
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_text IS NULL OR p_text !~ '^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?$' THEN
        RETURN NULL;
    END IF;
    RETURN p_text::timestamp;
EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format THEN
    RETURN NULL;
END
$$;

-- A due value: null, {"date": "2026-12-24"} or {"date": "2026-12-24", "time": "09:00"}, as a timestamp and whether
-- it has a time. NULL for null; raises nothing: taskdesk_sync_due_problem says what is wrong.
CREATE FUNCTION public.taskdesk_sync_due_timestamp(p_due jsonb) RETURNS timestamp
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN p_due IS NULL OR jsonb_typeof(p_due) = 'null' THEN NULL
                ELSE public.taskdesk_sync_timestamp((p_due ->> 'date') || coalesce(' ' || (p_due ->> 'time'), '')) END
$$;

CREATE FUNCTION public.taskdesk_sync_due_problem(p_what text, p_due jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_at timestamp;
BEGIN
    IF p_due IS NULL OR jsonb_typeof(p_due) = 'null' THEN
        RETURN NULL;
    END IF;
    IF jsonb_typeof(p_due) <> 'object' OR jsonb_typeof(p_due -> 'date') IS DISTINCT FROM 'string'
            OR (p_due ? 'time' AND jsonb_typeof(p_due -> 'time') <> 'string') THEN
        RETURN p_what || ' must be null or {"date": "YYYY-MM-DD"} with an optional "time": "HH:MM"';
    END IF;
    IF (p_due ->> 'date') !~ '^\d{4}-\d{2}-\d{2}$' OR (p_due ? 'time' AND (p_due ->> 'time') !~ '^\d{2}:\d{2}$') THEN
        RETURN p_what || ' must be written YYYY-MM-DD (and HH:MM); got '
               || left(coalesce(p_due ->> 'date', ''), 20) || coalesce(' ' || left(p_due ->> 'time', 10), '');
    END IF;
    v_at := public.taskdesk_sync_due_timestamp(p_due);
    IF v_at IS NULL THEN
        RETURN p_what || ' is not a real date or time: ' || (p_due ->> 'date') || coalesce(' ' || (p_due ->> 'time'), '');
    END IF;
    IF extract(year FROM v_at) NOT BETWEEN 1900 AND 9999 THEN
        RETURN p_what || ' must lie in the years 1900 to 9999';
    END IF;
    RETURN NULL;
END
$$;

-- A stamp the server accepts: the protocol's form, at most 64 characters.
CREATE FUNCTION public.taskdesk_sync_stamp_problem(p_stamp jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN p_stamp IS NULL OR jsonb_typeof(p_stamp) <> 'string'
                     OR (p_stamp #>> '{}') !~ '^[0-9a-f]{13}-[0-9a-f]{4}-[0-9A-Za-z-]{1,45}$'
                THEN 'a stamp must look like 0192f3a4b5c6d-0000-<node>' END
$$;

-- One field of a put or restore: {"v": value, "c": stamp}.
CREATE FUNCTION public.taskdesk_sync_field_problem(p_name text, p_field jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v jsonb := p_field -> 'v';
    v_type text := jsonb_typeof(p_field -> 'v');
BEGIN
    IF jsonb_typeof(p_field) IS DISTINCT FROM 'object' OR NOT p_field ? 'v' THEN
        RETURN 'field ' || p_name || ' must be {"v": value, "c": stamp}';
    END IF;
    IF public.taskdesk_sync_stamp_problem(p_field -> 'c') IS NOT NULL THEN
        RETURN 'field ' || p_name || ': ' || public.taskdesk_sync_stamp_problem(p_field -> 'c');
    END IF;
    CASE p_name
    WHEN 'title' THEN
        IF v_type <> 'string' OR btrim(v #>> '{}') = '' THEN
            RETURN 'the title is empty';
        ELSIF length(v #>> '{}') > 200 THEN
            RETURN 'the title is ' || length(v #>> '{}') || ' characters long; the limit is 200';
        END IF;
    WHEN 'description' THEN
        IF v_type NOT IN ('string', 'null') THEN
            RETURN 'the description must be text';
        ELSIF length(v #>> '{}') > 10000 THEN
            RETURN 'the description is ' || length(v #>> '{}') || ' characters long; the limit is 10000';
        END IF;
    WHEN 'priority' THEN
        IF v_type <> 'null' AND (v_type <> 'string' OR lower(v #>> '{}') NOT IN ('low', 'medium', 'high')) THEN
            RETURN 'the priority must be high, medium, low or null';
        END IF;
    WHEN 'tags' THEN
        IF v_type NOT IN ('string', 'null') THEN
            RETURN 'the tags must be text or null';
        ELSIF length(v #>> '{}') > 10000 THEN
            RETURN 'the tags are ' || length(v #>> '{}') || ' characters long; the limit is 10000';
        END IF;
    WHEN 'due' THEN
        RETURN public.taskdesk_sync_due_problem('the due date', v);
    WHEN 'repeat' THEN
        IF v_type NOT IN ('string', 'null') THEN
            RETURN 'the repeat rule must be text or null';
        ELSIF length(v #>> '{}') > 500 THEN
            RETURN 'the repeat rule is ' || length(v #>> '{}') || ' characters long; the limit is 500';
        END IF;
    WHEN 'completed' THEN
        IF v_type <> 'object' OR jsonb_typeof(v -> 'done') IS DISTINCT FROM 'boolean'
                OR ((v ->> 'done')::boolean AND coalesce(jsonb_typeof(v -> 'at'), 'null') = 'null') THEN
            RETURN 'completed must be {"done": false} or {"done": true, "at": "YYYY-MM-DDTHH:MM:SS"}';
        ELSIF v ? 'at' AND jsonb_typeof(v -> 'at') <> 'null'
                AND public.taskdesk_sync_timestamp(v ->> 'at') IS NULL THEN
            RETURN 'completed "at" is not a date and time: ' || left(v ->> 'at', 40);
        END IF;
    ELSE
        RETURN 'unknown field ' || left(p_name, 40);
    END CASE;
    RETURN NULL;
END
$$;

-- The whole of one mutation, before anything is written: NULL, or why it is rejected.
CREATE FUNCTION public.taskdesk_sync_mutation_problem(p_m jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_op text := p_m ->> 'op';
    v_field record;
    v_completion jsonb;
    v_problem text;
BEGIN
    IF jsonb_typeof(p_m -> 'id') IS DISTINCT FROM 'string'
            OR (p_m ->> 'id') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN 'the mutation id must be a UUID';
    END IF;
    IF jsonb_typeof(p_m -> 'task') IS DISTINCT FROM 'string'
            OR (p_m ->> 'task') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
        RETURN 'the task must be a UUID';
    END IF;
    IF v_op IS NULL OR v_op NOT IN ('put', 'delete', 'restore') THEN
        RETURN 'op must be put, delete or restore';
    END IF;
    IF v_op IN ('delete', 'restore') AND public.taskdesk_sync_stamp_problem(p_m -> 'c') IS NOT NULL THEN
        RETURN v_op || ': ' || public.taskdesk_sync_stamp_problem(p_m -> 'c');
    END IF;
    IF p_m ? 'created' AND jsonb_typeof(p_m -> 'created') <> 'null'
            AND public.taskdesk_sync_timestamp(p_m ->> 'created') IS NULL THEN
        RETURN 'created is not a date and time: ' || left(p_m ->> 'created', 40);
    END IF;
    IF v_op = 'delete' THEN
        RETURN NULL;
    END IF;
    IF p_m ? 'fields' AND jsonb_typeof(p_m -> 'fields') NOT IN ('object', 'null') THEN
        RETURN 'fields must be an object';
    END IF;
    IF jsonb_typeof(p_m -> 'fields') = 'object' THEN
        FOR v_field IN SELECT key, value FROM jsonb_each(p_m -> 'fields') LOOP
            v_problem := public.taskdesk_sync_field_problem(v_field.key, v_field.value);
            IF v_problem IS NOT NULL THEN
                RETURN v_problem;
            END IF;
        END LOOP;
    END IF;
    IF p_m ? 'completions' AND jsonb_typeof(p_m -> 'completions') NOT IN ('array', 'null') THEN
        RETURN 'completions must be an array';
    END IF;
    IF jsonb_typeof(p_m -> 'completions') = 'array' THEN
        FOR v_completion IN SELECT value FROM jsonb_array_elements(p_m -> 'completions') LOOP
            IF jsonb_typeof(v_completion -> 'uid') IS DISTINCT FROM 'string'
                    OR (v_completion ->> 'uid') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
                RETURN 'a completion''s uid must be a UUID';
            END IF;
            IF public.taskdesk_sync_timestamp(v_completion ->> 'at') IS NULL THEN
                RETURN 'a completion''s "at" is not a date and time: ' || left(coalesce(v_completion ->> 'at', 'null'), 40);
            END IF;
            v_problem := public.taskdesk_sync_due_problem('a completion''s due date', v_completion -> 'due');
            IF v_problem IS NOT NULL THEN
                RETURN v_problem;
            END IF;
        END LOOP;
    END IF;
    RETURN NULL;
END
$$;

-- The greatest stamp in a mutation ('' when none).
CREATE FUNCTION public.taskdesk_sync_greatest_stamp(p_m jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(max(s COLLATE "C"), '')
    FROM (SELECT p_m ->> 'c' AS s
          UNION ALL
          SELECT f.value ->> 'c' FROM jsonb_each(CASE WHEN jsonb_typeof(p_m -> 'fields') = 'object'
                                                     THEN p_m -> 'fields' ELSE '{}'::jsonb END) AS f) AS stamps
    WHERE s IS NOT NULL
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Applying one checked mutation for p_user. Called only by taskdesk_sync_push, with the person's users row locked
-- and taskdesk.sync_applying on. Returns {"status": "applied"} with an optional "note".

-- Writes the fields of p_fields into the live task p_id where their stamp beats the stored one.
CREATE FUNCTION public.taskdesk_sync_merge_fields(p_id integer, p_fields jsonb) RETURNS void
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_clocks jsonb;
    v_win jsonb;
BEGIN
    SELECT t.field_clocks INTO v_clocks FROM public.tasks t WHERE t.id = p_id FOR UPDATE;
    SELECT jsonb_object_agg(f.key, f.value) INTO v_win
    FROM jsonb_each(coalesce(p_fields, '{}'::jsonb)) AS f
    WHERE (f.value ->> 'c') COLLATE "C" > coalesce(v_clocks ->> f.key, '') COLLATE "C";
    IF v_win IS NULL THEN
        RETURN;
    END IF;
    UPDATE public.tasks t SET
        title = CASE WHEN v_win ? 'title' THEN v_win #>> '{title,v}' ELSE t.title END,
        description = CASE WHEN v_win ? 'description' THEN coalesce(v_win #>> '{description,v}', '')
                           ELSE t.description END,
        priority = CASE WHEN v_win ? 'priority' THEN lower(v_win #>> '{priority,v}') ELSE t.priority END,
        tags = CASE WHEN v_win ? 'tags' THEN v_win #>> '{tags,v}' ELSE t.tags END,
        due_date = CASE WHEN v_win ? 'due' THEN public.taskdesk_sync_due_timestamp(v_win #> '{due,v}')
                        ELSE t.due_date END,
        due_has_time = CASE WHEN v_win ? 'due' THEN coalesce((v_win #> '{due,v}') ? 'time', false)
                            ELSE t.due_has_time END,
        recurrence_pattern = CASE WHEN v_win ? 'repeat' THEN v_win #>> '{repeat,v}' ELSE t.recurrence_pattern END,
        completed = CASE WHEN v_win ? 'completed' THEN (v_win #>> '{completed,v,done}')::boolean ELSE t.completed END,
        completed_at = CASE WHEN v_win ? 'completed' THEN public.taskdesk_sync_timestamp(v_win #>> '{completed,v,at}')
                            ELSE t.completed_at END,
        field_clocks = t.field_clocks || (SELECT jsonb_object_agg(w.key, w.value -> 'c') FROM jsonb_each(v_win) AS w),
        updated_at = now() AT TIME ZONE 'UTC'
    WHERE t.id = p_id;
END
$$;

-- Inserts a new task with p_fields (title among them); fields not given get the least stamp given, and no value.
CREATE FUNCTION public.taskdesk_sync_insert_task(p_user integer, p_uid uuid, p_fields jsonb, p_created timestamp)
    RETURNS integer
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_least text;
    v_id integer;
BEGIN
    SELECT min((f.value ->> 'c') COLLATE "C") INTO v_least FROM jsonb_each(p_fields) AS f;
    INSERT INTO public.tasks AS t (user_id, uid, title, description, priority, tags, due_date, due_has_time,
                                   recurrence_pattern, completed, completed_at, created_at, updated_at, field_clocks)
    VALUES (p_user, p_uid, p_fields #>> '{title,v}', coalesce(p_fields #>> '{description,v}', ''),
            lower(p_fields #>> '{priority,v}'), p_fields #>> '{tags,v}',
            public.taskdesk_sync_due_timestamp(p_fields #> '{due,v}'), coalesce((p_fields #> '{due,v}') ? 'time', false),
            p_fields #>> '{repeat,v}', coalesce((p_fields #>> '{completed,v,done}')::boolean, false),
            public.taskdesk_sync_timestamp(p_fields #>> '{completed,v,at}'), coalesce(p_created, v_now), v_now,
            (SELECT jsonb_object_agg(name, coalesce(p_fields #> ARRAY[name, 'c'], to_jsonb(v_least)))
             FROM unnest(ARRAY['title', 'description', 'priority', 'tags', 'due', 'repeat', 'completed']) AS name))
    ON CONFLICT (user_id, uid) DO NOTHING
    RETURNING t.id INTO v_id;
    RETURN v_id;
END
$$;

CREATE FUNCTION public.taskdesk_sync_apply(p_user integer, p_m jsonb) RETURNS jsonb
    LANGUAGE plpgsql VOLATILE
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_op text := p_m ->> 'op';
    v_uid uuid := (p_m ->> 'task')::uuid;
    v_fields jsonb := CASE WHEN jsonb_typeof(p_m -> 'fields') = 'object' THEN p_m -> 'fields' ELSE '{}'::jsonb END;
    v_stamp text := p_m ->> 'c';
    v_created timestamp := public.taskdesk_sync_timestamp(p_m ->> 'created');
    v_task integer;
    v_tombstone text;
    v_completion jsonb;
BEGIN
    SELECT t.id INTO v_task FROM public.tasks t WHERE t.user_id = p_user AND t.uid = v_uid FOR UPDATE;
    SELECT d.stamp INTO v_tombstone FROM public.task_tombstones d WHERE d.user_id = p_user AND d.uid = v_uid FOR UPDATE;

    IF v_op = 'delete' THEN
        -- Delete wins over plain edits whatever their stamps: the row goes, the tombstone keeps the greatest stamp.
        IF v_task IS NOT NULL THEN
            DELETE FROM public.tasks t WHERE t.id = v_task;
        END IF;
        IF v_tombstone IS NULL THEN
            INSERT INTO public.task_tombstones (user_id, uid, stamp, version, deleted_at)
            VALUES (p_user, v_uid, v_stamp, 0, now() AT TIME ZONE 'UTC');
        ELSIF v_stamp COLLATE "C" > v_tombstone COLLATE "C" THEN
            UPDATE public.task_tombstones d SET stamp = v_stamp, deleted_at = now() AT TIME ZONE 'UTC'
            WHERE d.user_id = p_user AND d.uid = v_uid;
        END IF;
        RETURN '{"status": "applied"}';
    END IF;

    IF v_op = 'restore' AND v_tombstone IS NOT NULL THEN
        IF v_stamp COLLATE "C" <= v_tombstone COLLATE "C" THEN
            RETURN '{"status": "applied", "note": "deleted"}';
        END IF;
        IF NOT v_fields ? 'title' THEN
            RETURN '{"status": "rejected", "reason": "a restore needs a title"}';
        END IF;
        DELETE FROM public.task_tombstones d WHERE d.user_id = p_user AND d.uid = v_uid;
        v_tombstone := NULL;
        -- Fields a restore leaves out come back empty, stamped with the restore.
        v_fields := (SELECT jsonb_object_agg(name, coalesce(v_fields -> name, jsonb_build_object(
                                 'v', CASE name WHEN 'description' THEN to_jsonb(''::text)
                                                WHEN 'completed' THEN '{"done": false}'::jsonb
                                                ELSE 'null'::jsonb END,
                                 'c', v_stamp)))
                     FROM unnest(ARRAY['title', 'description', 'priority', 'tags', 'due', 'repeat', 'completed'])
                          AS name);
    END IF;

    IF v_tombstone IS NOT NULL THEN
        -- A deleted task never comes back by a put; its completions go nowhere either.
        RETURN '{"status": "applied", "note": "deleted"}';
    END IF;

    IF v_task IS NULL THEN
        IF NOT v_fields ? 'title' THEN
            RETURN '{"status": "rejected", "reason": "a new task needs a title"}';
        END IF;
        v_task := public.taskdesk_sync_insert_task(p_user, v_uid, v_fields, v_created);
        IF v_task IS NULL THEN
            -- Written since it was looked for (a direct insert naming this uid): merge into it instead.
            SELECT t.id INTO v_task FROM public.tasks t WHERE t.user_id = p_user AND t.uid = v_uid FOR UPDATE;
            PERFORM public.taskdesk_sync_merge_fields(v_task, v_fields);
        END IF;
    ELSE
        PERFORM public.taskdesk_sync_merge_fields(v_task, v_fields);
    END IF;

    -- Completions are an append-only set keyed by uid, kept whichever side the completed field took.
    IF jsonb_typeof(p_m -> 'completions') = 'array' THEN
        FOR v_completion IN SELECT value FROM jsonb_array_elements(p_m -> 'completions') LOOP
            INSERT INTO public.task_completions (task_id, user_id, uid, completed_at, due_date, due_has_time)
            VALUES (v_task, p_user, (v_completion ->> 'uid')::uuid, public.taskdesk_sync_timestamp(v_completion ->> 'at'),
                    public.taskdesk_sync_due_timestamp(v_completion -> 'due'),
                    coalesce((v_completion -> 'due') ? 'time', false))
            ON CONFLICT (user_id, uid) DO NOTHING;
        END LOOP;
    END IF;
    RETURN '{"status": "applied"}';
END
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Push: the mutations of one replica's outbox, in order, in one transaction with that replica's progress.
-- lock_timeout bounds each wait for a lock inside. statement_timeout here is the ceiling the contract names, but
-- PostgreSQL arms that timer when the client's statement starts, so the bound that really applies is the
-- connection's own (ServerTimeouts sets 10 s).
CREATE FUNCTION public.taskdesk_sync_push(p_client_id uuid, p_mutations jsonb) RETURNS jsonb
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
    v_seq bigint;
    v_ahead_of text;
    v_problem text;
    v_result jsonb;
    v_results jsonb := '[]'::jsonb;
BEGIN
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

    PERFORM pg_catalog.set_config('taskdesk.sync_applying', 'on', true);
    FOR v_m IN SELECT value FROM jsonb_array_elements(p_mutations) LOOP
        IF jsonb_typeof(v_m -> 'seq') IS DISTINCT FROM 'number' OR (v_m ->> 'seq') !~ '^[1-9][0-9]{0,17}$' THEN
            RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'every mutation needs a "seq", a whole number above 0';
        END IF;
        v_seq := (v_m ->> 'seq')::bigint;
        IF v_seq <= v_last_seq THEN
            v_result := '{"status": "duplicate"}';
        ELSIF v_ahead_of IS NOT NULL THEN
            -- last_seq must not pass a mutation that waits to be stamped again: the rest of the push waits too.
            v_result := jsonb_build_object('status', 'clock_ahead',
                'reason', 'waits for mutation ' || v_ahead_of || ', whose clock is ahead of the server''s');
        ELSE
            v_problem := public.taskdesk_sync_mutation_problem(v_m);
            IF v_problem IS NOT NULL THEN
                v_result := jsonb_build_object('status', 'rejected', 'reason', v_problem);
            ELSIF public.taskdesk_sync_stamp_ms(public.taskdesk_sync_greatest_stamp(v_m))
                    > public.taskdesk_sync_wall_ms() + c_max_ahead_ms THEN
                v_ahead_of := v_m ->> 'id';
                v_result := jsonb_build_object('status', 'clock_ahead',
                    'reason', 'its clock is more than 5 minutes ahead of the server''s');
            ELSE
                v_result := public.taskdesk_sync_apply(v_user, v_m);
                v_clock := greatest(v_clock COLLATE "C", public.taskdesk_sync_greatest_stamp(v_m) COLLATE "C");
            END IF;
            IF v_result ->> 'status' <> 'clock_ahead' THEN
                v_last_seq := v_seq;
            END IF;
        END IF;
        v_results := v_results || jsonb_build_array(jsonb_build_object('id', v_m -> 'id') || v_result);
    END LOOP;
    PERFORM pg_catalog.set_config('taskdesk.sync_applying', '', true);

    UPDATE public.sync_clients c SET last_seq = v_last_seq, last_push_at = v_now
    WHERE c.user_id = v_user AND c.client_id = p_client_id;
    -- The server clock takes in every stamp it accepted, so its own later stamps are greater.
    UPDATE public.users u SET sync_clock = greatest(u.sync_clock COLLATE "C", v_clock COLLATE "C")
    WHERE u.id = v_user AND u.sync_clock COLLATE "C" < v_clock COLLATE "C";
    RETURN jsonb_build_object('server_clock', public.taskdesk_sync_clock_now(v_clock), 'results', v_results);
END
$$;

-- Pull: the caller's rows with version > p_after, oldest version first, at most p_limit of them over tasks, deleted
-- tasks and completions. One statement builds the answer, so it reads one snapshot.
CREATE FUNCTION public.taskdesk_sync_pull(p_client_id uuid, p_after bigint, p_limit integer) RETURNS jsonb
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET statement_timeout = '30s'
    SET lock_timeout = '5s'
AS $$
DECLARE
    v_user integer := public.taskdesk_current_user_id();
    v_answer jsonb;
BEGIN
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

    WITH me AS (
        SELECT u.sync_version, u.sync_floor, u.sync_clock FROM public.users u WHERE u.id = v_user
    ), items AS (
        SELECT x.version, x.kind, x.item FROM (
            SELECT t.version, 't' AS kind, jsonb_build_object(
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
            UNION ALL
            SELECT d.version, 'd', jsonb_build_object('uid', d.uid, 'version', d.version, 'c', d.stamp)
            FROM public.task_tombstones d WHERE d.user_id = v_user AND d.version > p_after
            UNION ALL
            SELECT c.version, 'c', jsonb_build_object('uid', c.uid, 'task', t.uid, 'at', c.completed_at,
                       'due', CASE WHEN c.due_date IS NULL THEN NULL
                                   WHEN c.due_has_time THEN jsonb_build_object('date', to_char(c.due_date, 'YYYY-MM-DD'),
                                                                               'time', to_char(c.due_date, 'HH24:MI'))
                                   ELSE jsonb_build_object('date', to_char(c.due_date, 'YYYY-MM-DD')) END,
                       'version', c.version)
            FROM public.task_completions c JOIN public.tasks t ON t.id = c.task_id
            WHERE c.user_id = v_user AND c.version > p_after
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

-- Purge (the owner only, e.g. from a nightly job): tombstones deleted more than p_days days ago go, and each
-- person's sync_floor rises to the greatest version purged, so a replica whose cursor is below it resyncs instead of
-- missing a delete. Returns how many went.
CREATE FUNCTION public.taskdesk_sync_purge(p_days integer) RETURNS bigint
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET lock_timeout = '5s'
AS $$
DECLARE
    v_count bigint;
BEGIN
    IF p_days IS NULL OR p_days < 1 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'keep tombstones for at least 1 day';
    END IF;
    -- The people's rows first, in id order, as a push takes its person's row before any tombstone: no deadlock.
    PERFORM 1 FROM public.users u
    WHERE u.id IN (SELECT d.user_id FROM public.task_tombstones d
                   WHERE d.deleted_at < (now() AT TIME ZONE 'UTC') - make_interval(days => p_days))
    ORDER BY u.id FOR NO KEY UPDATE;
    WITH gone AS (
        DELETE FROM public.task_tombstones d
        WHERE d.deleted_at < (now() AT TIME ZONE 'UTC') - make_interval(days => p_days)
        RETURNING d.user_id, d.version
    ), per_person AS (
        SELECT g.user_id, max(g.version) AS version, count(*) AS n FROM gone g GROUP BY g.user_id
    ), raised AS (
        UPDATE public.users u SET sync_floor = greatest(u.sync_floor, p.version)
        FROM per_person p WHERE u.id = p.user_id
        RETURNING p.n
    )
    SELECT coalesce(sum(r.n), 0) INTO v_count FROM raised r;
    RETURN v_count;
END
$$;

REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_wall_ms() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_stamp_ms(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_next_stamp(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_clock_now(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_lock_person() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_take_version() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_task_written() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_task_deleted() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_timestamp(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_due_timestamp(jsonb) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_due_problem(text, jsonb) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_stamp_problem(jsonb) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_field_problem(text, jsonb) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_mutation_problem(jsonb) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_greatest_stamp(jsonb) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_merge_fields(integer, jsonb) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_insert_task(integer, uuid, jsonb, timestamp) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_apply(integer, jsonb) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_push(uuid, jsonb) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_pull(uuid, bigint, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_purge(integer) FROM PUBLIC;
