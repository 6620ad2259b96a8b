-- A shared server that one hostile member cannot take down (issue 11, docs/decisions/0025-shared-server-hardening.md).
-- Every member holds the client login, so anything it may do, anyone may do. This migration keeps the account
-- functions of V4 and their SQLSTATEs, and changes three things about them:
--
-- 1. CPU. Sign-up and change-password accept only the bcrypt costs TaskDesk uses: 10 to 14, or the cost the server
--    was set up with (server_settings.bcrypt_cost, written by `taskdesk server setup` from TASKDESK_BCRYPT_COST; the
--    tests use 4). A cost-31 hash took days to check. The dummy hash for an unknown email has the configured cost, so
--    an unknown email takes as long as an account made by TaskDesk. No TaskDesk function keeps working once its
--    statement has run longer than server_settings.longest_statement_ms: a member can switch statement_timeout off
--    for their own session (any role may), and a function's own SET statement_timeout does not re-arm the timer of
--    the statement already running, so each function checks the statement's age itself.
-- 2. Freezes. Sign-in no longer locks or updates the users row: a member who left `BEGIN; SELECT
--    taskdesk_sign_in('bob@…', …)` open held Bob's row and every sign-in of Bob's waited behind it. Each password
--    check is now a row appended to sign_in_checks (failures since the last success decide the block, as the
--    counters on users did), and an attempt in progress is seen by the others through a shared advisory lock on the
--    account, which never waits: the checks running at once plus the failures already committed stay under 5, so 24
--    parallel wrong guesses still get at most 5 checks before the block. Old rows are removed with SKIP LOCKED, never
--    waiting for a row someone else holds.
-- 3. Owner's work. The database owner (whoever owns public.users) is not held to the cost rule: it can write any
--    hash into users directly anyway.
--
-- users.failed_sign_ins and users.sign_in_blocked_until stay (the H2 file uses them) but are no longer written on
-- PostgreSQL; their values move into sign_in_checks here and back in U11.

-- One row of settings that only the owner may change (the client has no rights on it: SharedServerSetup).
CREATE TABLE server_settings (
    id BOOLEAN NOT NULL DEFAULT true,
    bcrypt_cost INTEGER NOT NULL,
    longest_statement_ms INTEGER NOT NULL,
    CONSTRAINT server_settings_pkey PRIMARY KEY (id),
    CONSTRAINT server_settings_one_row CHECK (id),
    CONSTRAINT server_settings_bcrypt_cost_check CHECK (bcrypt_cost BETWEEN 4 AND 31),
    CONSTRAINT server_settings_longest_statement_check CHECK (longest_statement_ms BETWEEN 1000 AND 3600000)
);
INSERT INTO server_settings (id, bcrypt_cost, longest_statement_ms) VALUES (true, 12, 30000);

-- One row per password check of a sign-in: appended, never updated, so no attempt waits for another's row lock.
CREATE TABLE sign_in_checks (
    user_id INTEGER NOT NULL,
    checked_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
    succeeded BOOLEAN NOT NULL,
    CONSTRAINT sign_in_checks_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX sign_in_checks_user_id_checked_at_idx ON sign_in_checks (user_id, checked_at);

-- The counters of V4 become rows: n failures, the last one at the moment that gives the same end of the block.
INSERT INTO sign_in_checks (user_id, checked_at, succeeded)
SELECT u.id,
       CASE WHEN u.failed_sign_ins >= 5 AND u.sign_in_blocked_until IS NOT NULL
            THEN u.sign_in_blocked_until - make_interval(secs => least(15 * 60, 2 ^ least(u.failed_sign_ins - 5, 20)))
            ELSE now() AT TIME ZONE 'UTC' END,
       false
FROM users u, generate_series(1, u.failed_sign_ins) n
WHERE u.failed_sign_ins > 0;

-- Raises query_canceled once the calling statement is older than the server's longest statement. Called first by
-- every TaskDesk function; not granted to the client.
CREATE FUNCTION public.taskdesk_check_statement_age() RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_longest integer := (SELECT s.longest_statement_ms FROM public.server_settings s);
BEGIN
    IF clock_timestamp() - statement_timestamp() > make_interval(secs => coalesce(v_longest, 30000) / 1000.0) THEN
        RAISE EXCEPTION USING ERRCODE = '57014',
            MESSAGE = format('TaskDesk stops statements that run longer than %s ms', coalesce(v_longest, 30000));
    END IF;
    RETURN true;
END
$$;

-- Whether the caller may store this bcrypt hash: $2a$ (the only form pgcrypto checks), cost 10 to 14 or the
-- configured one. The owner may store any cost: it can write users directly anyway.
CREATE FUNCTION public.taskdesk_check_password_hash(p_hash text) RETURNS void
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_configured integer := (SELECT s.bcrypt_cost FROM public.server_settings s);
    v_cost integer;
BEGIN
    -- pgcrypto's crypt() knows only $2a$; for a $2b$ or $2y$ hash it returns something else and sign-in would
    -- silently fail forever, so such a hash is refused here.
    IF p_hash IS NULL OR p_hash !~ '^\$2a\$(0[4-9]|[12][0-9]|3[01])\$[./A-Za-z0-9]{53}$' THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'password hash must be a bcrypt $2a$ hash';
    END IF;
    v_cost := substr(p_hash, 5, 2)::integer;
    IF v_cost NOT BETWEEN 10 AND 14 AND v_cost IS DISTINCT FROM v_configured
       AND NOT pg_catalog.pg_has_role(session_user,
                   (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = 'public.users'::pg_catalog.regclass),
                   'MEMBER') THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('password hash must have a bcrypt cost of 10 to 14%s, not %s',
                             CASE WHEN v_configured NOT BETWEEN 10 AND 14 THEN ' or ' || v_configured ELSE '' END,
                             v_cost);
    END IF;
END
$$;

-- Failures since the last successful check, and until when they block sign-in: from the 5th failure in a row on,
-- 2^(failures - 5) seconds after the last one, at most 15 minutes (V4's rule).
CREATE FUNCTION public.taskdesk_sign_in_block(p_user_id integer)
    RETURNS TABLE (failures integer, blocked_until timestamp)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    WITH last_success AS (
        SELECT max(c.checked_at) AS at FROM public.sign_in_checks c WHERE c.user_id = p_user_id AND c.succeeded
    ), failed AS (
        SELECT count(*)::integer AS n, max(c.checked_at) AS last_at
        FROM public.sign_in_checks c, last_success l
        WHERE c.user_id = p_user_id AND NOT c.succeeded AND (l.at IS NULL OR c.checked_at > l.at)
    )
    SELECT f.n, CASE WHEN f.n >= 5
                     THEN f.last_at + make_interval(secs => least(15 * 60, 2 ^ least(f.n - 5, 20))) END
    FROM failed f
$$;

CREATE OR REPLACE FUNCTION public.taskdesk_sign_up(p_email text, p_name text, p_password_hash text) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_email text := lower(btrim(p_email));
    v_name text := btrim(p_name);
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_id integer;
BEGIN
    PERFORM public.taskdesk_check_statement_age();
    IF v_email IS NULL OR length(v_email) > 255 OR v_email !~ '^[^@[:space:]]+@[^@[:space:]]+$' THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = 'email must look like name@example.com and have at most 255 characters';
    END IF;
    IF v_name IS NULL OR length(v_name) NOT BETWEEN 1 AND 100 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'name must have 1 to 100 characters';
    END IF;
    PERFORM public.taskdesk_check_password_hash(p_password_hash);
    BEGIN
        INSERT INTO public.users (email, name, password_hash, created_at, updated_at)
        VALUES (v_email, v_name, p_password_hash, v_now, v_now)
        RETURNING id INTO v_id;
    EXCEPTION WHEN unique_violation THEN
        -- Caught rather than checked first, so two sign-ups racing for one email get the same answer.
        RAISE EXCEPTION USING ERRCODE = 'TD003', MESSAGE = 'email already registered';
    END;
    RETURN v_id;
END
$$;

-- Sign-in, first half (see V4 for why there are two): checks the password and records the outcome; returns only a
-- random handle. Nothing here waits for a lock another session can hold: the users row is only read, the check is
-- appended to sign_in_checks, the attempts in progress on the same account are counted through their shared
-- advisory locks (which never conflict with each other), and old attempts are removed with SKIP LOCKED.
CREATE OR REPLACE FUNCTION public.taskdesk_sign_in(p_email text, p_password text, p_ttl_seconds integer) RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET lock_timeout = '2s'
AS $$
DECLARE
    -- The salt and digest of Passwords.DECOY_SALT_AND_DIGEST: under any cost prefix a hash that matches nothing.
    c_decoy constant text := 'SfUFmPkDfzBF7onUrGBoM.C.017Dd4UaV7Y57zhL51QypLzz3e0f2';
    c_free_failures constant integer := 5;
    -- The first key of the advisory lock an attempt holds on its account (the second is the user's id).
    c_attempt_lock constant integer := 21572;
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_user record;
    v_block record;
    v_in_progress integer;
    v_matches boolean;
    v_outcome text;
    v_retry integer;
    v_handle text := encode(public.gen_random_bytes(32), 'hex');
BEGIN
    PERFORM public.taskdesk_check_statement_age();
    -- The attempt must be the first write of its transaction (V4): otherwise a second call could read the first
    -- one's uncommitted outcome, and a rollback would undo the counting.
    IF pg_catalog.pg_current_xact_id_if_assigned() IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TD005', MESSAGE = 'a sign-in attempt must be the first write of its transaction';
    END IF;
    IF p_ttl_seconds IS NULL OR p_ttl_seconds NOT BETWEEN 60 AND 366 * 24 * 60 * 60 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'session length must be between 1 minute and 366 days';
    END IF;
    DELETE FROM public.sign_in_attempts a
    WHERE a.ctid = ANY (ARRAY(SELECT o.ctid FROM public.sign_in_attempts o
                              WHERE o.created_at < v_now - interval '2 minutes' FOR UPDATE SKIP LOCKED));

    SELECT u.id, u.password_hash::text AS password_hash INTO v_user
    FROM public.users u WHERE u.email = lower(btrim(p_email));

    IF NOT FOUND THEN
        PERFORM public.crypt(coalesce(p_password, ''), format('$2a$%s$%s',
            lpad((SELECT s.bcrypt_cost FROM public.server_settings s)::text, 2, '0'), c_decoy));
        v_outcome := 'wrong';
    ELSIF NOT pg_catalog.pg_try_advisory_xact_lock_shared(c_attempt_lock, v_user.id) THEN
        -- Only someone holding this key exclusively by hand gets here: without our mark, parallel attempts could
        -- not see each other, so none is checked while it lasts.
        v_outcome := 'throttled';
        v_retry := 1;
    ELSE
        SELECT count(*) INTO v_in_progress FROM pg_catalog.pg_locks l
        WHERE l.locktype = 'advisory' AND l.classid = c_attempt_lock::oid AND l.objid = v_user.id::oid
          AND l.objsubid = 2 AND l.granted AND l.pid <> pg_catalog.pg_backend_pid();
        SELECT * INTO v_block FROM public.taskdesk_sign_in_block(v_user.id);
        IF v_block.blocked_until > v_now THEN
            v_outcome := 'throttled';
            v_retry := greatest(1, ceil(extract(epoch FROM v_block.blocked_until - v_now)))::integer;
        ELSIF v_in_progress > 0 AND v_block.failures + v_in_progress >= c_free_failures THEN
            -- The attempts in progress may all fail: counted as failures until they end, they would block this one.
            v_outcome := 'throttled';
            v_retry := 1;
        ELSE
            v_matches := coalesce(public.crypt(coalesce(p_password, ''), v_user.password_hash) = v_user.password_hash
                                  AND octet_length(p_password) <= 72, false);
            INSERT INTO public.sign_in_checks (user_id, checked_at, succeeded)
            VALUES (v_user.id, clock_timestamp() AT TIME ZONE 'UTC', v_matches);
            v_outcome := CASE WHEN v_matches THEN 'ok' ELSE 'wrong' END;
        END IF;
    END IF;

    INSERT INTO public.sign_in_attempts
        (attempt_sha256, created_xact, created_at, outcome, user_id, session_seconds, retry_after_seconds)
    VALUES (encode(public.digest(v_handle, 'sha256'), 'hex'), pg_current_xact_id(), v_now, v_outcome,
            CASE WHEN v_outcome = 'ok' THEN v_user.id END, p_ttl_seconds, v_retry);
    RETURN v_handle;
END
$$;

-- Sign-in, second half: as in V4; after a success it also forgets the checks before it (never waiting for them).
CREATE OR REPLACE FUNCTION public.taskdesk_sign_in_result(p_attempt text)
    RETURNS TABLE (token text, outcome text, retry_after_seconds integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_attempt record;
    v_token text;
BEGIN
    PERFORM public.taskdesk_check_statement_age();
    SELECT a.* INTO v_attempt FROM public.sign_in_attempts a
    WHERE a.attempt_sha256 = encode(public.digest(p_attempt, 'sha256'), 'hex')
      AND a.created_at >= v_now - interval '2 minutes'
    FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'unknown or expired sign-in attempt';
    END IF;
    -- Rows of other transactions are visible only once committed; this refuses the one case left, our own.
    IF v_attempt.created_xact = pg_current_xact_id_if_assigned() THEN
        RAISE EXCEPTION USING ERRCODE = 'TD005',
            MESSAGE = 'commit the sign-in attempt before asking for its result';
    END IF;
    DELETE FROM public.sign_in_attempts a WHERE a.attempt_sha256 = v_attempt.attempt_sha256;

    IF v_attempt.outcome = 'ok' THEN
        v_token := encode(public.gen_random_bytes(32), 'hex');
        DELETE FROM public.sessions s WHERE s.user_id = v_attempt.user_id AND s.expires_at <= v_now;
        INSERT INTO public.sessions (token_sha256, user_id, created_at, expires_at)
        VALUES (encode(public.digest(v_token, 'sha256'), 'hex'), v_attempt.user_id, v_now,
                v_now + make_interval(secs => v_attempt.session_seconds));
        DELETE FROM public.sign_in_checks c
        WHERE c.ctid = ANY (ARRAY(
            SELECT o.ctid FROM public.sign_in_checks o
            WHERE o.user_id = v_attempt.user_id
              AND o.checked_at < (SELECT max(l.checked_at) FROM public.sign_in_checks l
                                  WHERE l.user_id = v_attempt.user_id AND l.succeeded)
            FOR UPDATE SKIP LOCKED));
    END IF;
    RETURN QUERY SELECT v_token, v_attempt.outcome::text, v_attempt.retry_after_seconds;
END
$$;

CREATE OR REPLACE FUNCTION public.taskdesk_current_user_id() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    -- CASE evaluates the age check first, on every call (in a join or WHERE the planner may skip it).
    SELECT CASE WHEN public.taskdesk_check_statement_age() THEN (
        SELECT s.user_id FROM public.sessions s
        WHERE s.token_sha256 = encode(public.digest(nullif(current_setting('app.session_token', true), ''), 'sha256'),
                                      'hex')
          AND s.expires_at > (now() AT TIME ZONE 'UTC'))
    END
$$;

CREATE OR REPLACE FUNCTION public.taskdesk_whoami() RETURNS TABLE (id integer, email text, name text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT u.id, u.email::text, u.name::text FROM public.users u WHERE u.id = public.taskdesk_current_user_id()
$$;

CREATE OR REPLACE FUNCTION public.taskdesk_sign_out() RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM public.taskdesk_check_statement_age();
    DELETE FROM public.sessions s
    WHERE s.token_sha256 = encode(public.digest(nullif(current_setting('app.session_token', true), ''), 'sha256'), 'hex');
END
$$;

-- As in V4, but the block comes from sign_in_checks and the user's row is not locked.
CREATE OR REPLACE FUNCTION public.taskdesk_check_own_password(p_password text) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET lock_timeout = '2s'
AS $$
DECLARE
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_user record;
    v_blocked_until timestamp;
BEGIN
    PERFORM public.taskdesk_check_statement_age();
    SELECT u.id, u.password_hash::text AS password_hash INTO v_user
    FROM public.users u WHERE u.id = public.taskdesk_current_user_id();
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'TD004', MESSAGE = 'not signed in';
    END IF;
    v_blocked_until := (SELECT b.blocked_until FROM public.taskdesk_sign_in_block(v_user.id) b);
    IF v_blocked_until > v_now THEN
        RAISE EXCEPTION USING ERRCODE = 'TD002', MESSAGE = 'too many failed sign-ins',
            DETAIL = greatest(1, ceil(extract(epoch FROM v_blocked_until - v_now)))::integer::text;
    END IF;
    IF NOT coalesce(public.crypt(coalesce(p_password, ''), v_user.password_hash) = v_user.password_hash
                    AND octet_length(p_password) <= 72, false) THEN
        RAISE EXCEPTION USING ERRCODE = 'TD001', MESSAGE = 'wrong password';
    END IF;
    RETURN v_user.id;
END
$$;

CREATE OR REPLACE FUNCTION public.taskdesk_change_password(p_old_password text, p_new_hash text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_id integer := public.taskdesk_check_own_password(p_old_password);
BEGIN
    PERFORM public.taskdesk_check_password_hash(p_new_hash);
    UPDATE public.users u SET password_hash = p_new_hash, updated_at = now() AT TIME ZONE 'UTC' WHERE u.id = v_id;
    DELETE FROM public.sessions s
    WHERE s.user_id = v_id
      AND s.token_sha256 IS DISTINCT FROM
          encode(public.digest(nullif(current_setting('app.session_token', true), ''), 'sha256'), 'hex');
END
$$;

CREATE OR REPLACE FUNCTION public.taskdesk_delete_account(p_password text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_id integer := public.taskdesk_check_own_password(p_password);
BEGIN
    DELETE FROM public.users u WHERE u.id = v_id;
END
$$;

REVOKE EXECUTE ON FUNCTION public.taskdesk_check_statement_age() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_check_password_hash(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sign_in_block(integer) FROM PUBLIC;
