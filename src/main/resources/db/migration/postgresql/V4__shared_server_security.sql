-- The shared PostgreSQL server: every desktop client logs in with the same low-privilege role, whose password is
-- effectively public, so isolation between people lives here, in the database (ARCHITECTURE.md, "Security model for
-- the shared server"; docs/decisions/0004-shared-server-security.md).
--
-- Rules every function below follows, because each runs as the owner (SECURITY DEFINER) on behalf of anyone:
-- - SET search_path = pg_catalog, pg_temp, and every table and pgcrypto function named with its schema, so a client
--   cannot shadow a table or function with one of its own (it has no TEMP or CREATE either, see SharedServerSetup);
-- - EXECUTE revoked from PUBLIC: only the client role, granted by SharedServerSetup, may call them;
-- - times are UTC wall-clock values, like every timestamp column of this schema: (now() AT TIME ZONE 'UTC').
--
-- Our own SQLSTATEs (class TD):
--   TD001 wrong email or password (and wrong current password)    TD002 too many failed sign-ins, DETAIL = seconds
--   TD003 email already registered                                TD004 not signed in (no or expired session)
--   TD005 a sign-in attempt not alone in its transaction, or its result asked for in that same transaction
-- Bad arguments raise 22023 (invalid_parameter_value) with a sentence as message.

-- pgcrypto is a trusted extension: the database owner may create it. Only if this migration creates it does it mark
-- it, so that the downgrade removes exactly what was added and never an extension someone else relies on.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pgcrypto') THEN
        CREATE EXTENSION pgcrypto WITH SCHEMA public;
        COMMENT ON EXTENSION pgcrypto IS 'installed by TaskDesk migration 4; its downgrade removes it';
    ELSIF (SELECT extnamespace FROM pg_catalog.pg_extension WHERE extname = 'pgcrypto')
            <> 'public'::pg_catalog.regnamespace THEN
        -- The functions below call public.crypt etc.: fail now with a clear reason rather than at the first sign-in.
        RAISE EXCEPTION 'pgcrypto is installed in schema %, but TaskDesk needs it in public',
            (SELECT extnamespace::pg_catalog.regnamespace FROM pg_catalog.pg_extension WHERE extname = 'pgcrypto')
            USING HINT = 'ALTER EXTENSION pgcrypto SET SCHEMA public, or let TaskDesk have a database of its own';
    END IF;
END
$$;

-- A sign-in is two calls in two transactions (see taskdesk_sign_in): the first checks the password and records the
-- outcome here, the second, after the first has committed, reads it. Rows live for seconds; only the SHA-256 of the
-- random attempt handle is kept, like session tokens.
CREATE TABLE sign_in_attempts (
    attempt_sha256 VARCHAR(64) NOT NULL,
    created_xact xid8 NOT NULL,
    created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
    outcome VARCHAR(10) NOT NULL,
    user_id INTEGER,
    session_seconds INTEGER NOT NULL,
    retry_after_seconds INTEGER,
    CONSTRAINT sign_in_attempts_pkey PRIMARY KEY (attempt_sha256),
    CONSTRAINT sign_in_attempts_outcome_check CHECK (outcome IN ('ok', 'wrong', 'throttled')),
    CONSTRAINT sign_in_attempts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- Sign-up: the bcrypt hash is made by the program (cost 12 by default), so the password never reaches the server
-- on sign-up. Returns the new user's id.
CREATE FUNCTION public.taskdesk_sign_up(p_email text, p_name text, p_password_hash text) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_email text := lower(btrim(p_email));
    v_name text := btrim(p_name);
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_id integer;
BEGIN
    IF v_email IS NULL OR length(v_email) > 255 OR v_email !~ '^[^@[:space:]]+@[^@[:space:]]+$' THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = 'email must look like name@example.com and have at most 255 characters';
    END IF;
    IF v_name IS NULL OR length(v_name) NOT BETWEEN 1 AND 100 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'name must have 1 to 100 characters';
    END IF;
    -- pgcrypto's crypt() knows only $2a$; for a $2b$ or $2y$ hash it returns something else and sign-in would
    -- silently fail forever, so such a hash is refused here.
    IF p_password_hash IS NULL OR p_password_hash !~ '^\$2a\$(0[4-9]|[12][0-9]|3[01])\$[./A-Za-z0-9]{53}$' THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'password hash must be a bcrypt $2a$ hash';
    END IF;
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

-- Sign-in, first half: checks the password inside PostgreSQL and records the outcome, and returns only a random
-- attempt handle that says nothing about the outcome. The program commits, then calls taskdesk_sign_in_result.
--
-- Why two calls: the failure counter must survive whatever the caller does. Any answer returned to SQL can be
-- turned into an error by the caller (SELECT 1/(CASE WHEN … 'wrong' THEN 0 END) …, or a ROLLBACK after reading it),
-- and an error rolls the counter update back: unlimited free guesses. Here the outcome can only be read after the
-- transaction that counted the attempt has committed. The work done is also the same for a right and a wrong
-- password (one UPDATE of users, one INSERT of an attempt), so pg_stat_xact_user_tables, which every role can read,
-- does not tell them apart inside the transaction either.
--
-- Throttling: from the 5th failure in a row on, each failure blocks the account for 2^(failures - 5) seconds, at
-- most 15 minutes; while blocked, the password is not even checked. An unknown email costs the same bcrypt work as a
-- known one (a dummy hash of cost 12, the program's default) and gets the same outcome as a wrong password.
-- Passwords over 72 bytes are wrong, never truncated as bcrypt would (ARCHITECTURE.md: 8 to 72 bytes).
CREATE FUNCTION public.taskdesk_sign_in(p_email text, p_password text, p_ttl_seconds integer) RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    -- A client holding the row lock in an open transaction must not stall everyone else's sign-in for long.
    SET lock_timeout = '5s'
AS $$
DECLARE
    c_dummy_hash constant text := '$2a$12$aitEzY9JFQHlFHNm8z8fFu6YaSRKkYISaoWiLHS11uV9Yrft8dssS';
    c_free_failures constant integer := 5;
    c_longest_block_seconds constant integer := 15 * 60;
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_user record;
    v_matches boolean;
    v_failures integer;
    v_outcome text;
    v_retry integer;
    v_handle text := encode(public.gen_random_bytes(32), 'hex');
BEGIN
    -- The attempt must be the first write of its transaction. A second call in the same transaction would see the
    -- first one's uncommitted counter (throttled or reset) and give the outcome away; rolling back would then undo
    -- the counting, and guessing would be unlimited. (The xid survives ROLLBACK TO SAVEPOINT, so savepoints do not help.)
    IF pg_catalog.pg_current_xact_id_if_assigned() IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'TD005', MESSAGE = 'a sign-in attempt must be the first write of its transaction';
    END IF;
    IF p_ttl_seconds IS NULL OR p_ttl_seconds NOT BETWEEN 60 AND 366 * 24 * 60 * 60 THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'session length must be between 1 minute and 366 days';
    END IF;
    DELETE FROM public.sign_in_attempts a WHERE a.created_at < v_now - interval '2 minutes';

    -- FOR UPDATE: parallel guesses on one account queue up, so none of them escapes the counter.
    SELECT u.id, u.password_hash::text AS password_hash, u.failed_sign_ins, u.sign_in_blocked_until
    INTO v_user
    FROM public.users u WHERE u.email = lower(btrim(p_email))
    FOR UPDATE;

    IF NOT FOUND THEN
        PERFORM public.crypt(coalesce(p_password, ''), c_dummy_hash);
        v_outcome := 'wrong';
    ELSIF v_user.sign_in_blocked_until > v_now THEN
        v_outcome := 'throttled';
        v_retry := greatest(1, ceil(extract(epoch FROM v_user.sign_in_blocked_until - v_now)))::integer;
    ELSE
        v_matches := public.crypt(coalesce(p_password, ''), v_user.password_hash) = v_user.password_hash
                     AND octet_length(p_password) <= 72;
        IF v_matches THEN
            UPDATE public.users u SET failed_sign_ins = 0, sign_in_blocked_until = NULL WHERE u.id = v_user.id;
            v_outcome := 'ok';
        ELSE
            v_failures := v_user.failed_sign_ins + 1;
            UPDATE public.users u
            SET failed_sign_ins = v_failures,
                sign_in_blocked_until = CASE WHEN v_failures >= c_free_failures
                    THEN v_now + make_interval(secs => least(c_longest_block_seconds,
                                                             2 ^ least(v_failures - c_free_failures, 20)))
                    ELSE u.sign_in_blocked_until END
            WHERE u.id = v_user.id;
            v_outcome := 'wrong';
        END IF;
    END IF;

    INSERT INTO public.sign_in_attempts
        (attempt_sha256, created_xact, created_at, outcome, user_id, session_seconds, retry_after_seconds)
    VALUES (encode(public.digest(v_handle, 'sha256'), 'hex'), pg_current_xact_id(), v_now, v_outcome,
            CASE WHEN v_outcome = 'ok' THEN v_user.id END, p_ttl_seconds, v_retry);
    RETURN v_handle;
END
$$;

-- Sign-in, second half: the outcome of a committed attempt, once. 'ok' comes with a new session token; only its
-- SHA-256 is stored. 'throttled' comes with the whole seconds to wait. A handle is good for 2 minutes.
CREATE FUNCTION public.taskdesk_sign_in_result(p_attempt text)
    RETURNS TABLE (token text, outcome text, retry_after_seconds integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_attempt record;
    v_token text;
BEGIN
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
    END IF;
    RETURN QUERY SELECT v_token, v_attempt.outcome::text, v_attempt.retry_after_seconds;
END
$$;

-- The user whose unexpired session token this connection carries (set_config('app.session_token', …)), else NULL.
-- Row-level security calls it once per statement as (SELECT …); it is SECURITY DEFINER because the client may not
-- read sessions itself.
CREATE FUNCTION public.taskdesk_current_user_id() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT s.user_id FROM public.sessions s
    WHERE s.token_sha256 = encode(public.digest(nullif(current_setting('app.session_token', true), ''), 'sha256'), 'hex')
      AND s.expires_at > (now() AT TIME ZONE 'UTC')
$$;

CREATE FUNCTION public.taskdesk_whoami() RETURNS TABLE (id integer, email text, name text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT u.id, u.email::text, u.name::text FROM public.users u WHERE u.id = public.taskdesk_current_user_id()
$$;

-- Ends this connection's session. Without one it does nothing: signing out twice is not an error.
CREATE FUNCTION public.taskdesk_sign_out() RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    DELETE FROM public.sessions s
    WHERE s.token_sha256 = encode(public.digest(nullif(current_setting('app.session_token', true), ''), 'sha256'), 'hex')
$$;

-- Checks the password of the signed-in user for change_password and delete_account and returns the user's id.
-- An account blocked by failed sign-ins stays blocked here too. A wrong password raises, so it is not counted
-- (the error rolls any count back): these need a live session, and bcrypt's cost bounds the guessing.
CREATE FUNCTION public.taskdesk_check_own_password(p_password text) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET lock_timeout = '5s'
AS $$
DECLARE
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_user record;
BEGIN
    SELECT u.id, u.password_hash::text AS password_hash, u.sign_in_blocked_until INTO v_user
    FROM public.users u WHERE u.id = public.taskdesk_current_user_id()
    FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'TD004', MESSAGE = 'not signed in';
    END IF;
    IF v_user.sign_in_blocked_until > v_now THEN
        RAISE EXCEPTION USING ERRCODE = 'TD002', MESSAGE = 'too many failed sign-ins',
            DETAIL = greatest(1, ceil(extract(epoch FROM v_user.sign_in_blocked_until - v_now)))::integer::text;
    END IF;
    IF NOT coalesce(public.crypt(coalesce(p_password, ''), v_user.password_hash) = v_user.password_hash
                    AND octet_length(p_password) <= 72, false) THEN
        RAISE EXCEPTION USING ERRCODE = 'TD001', MESSAGE = 'wrong password';
    END IF;
    RETURN v_user.id;
END
$$;

-- Changes the signed-in user's password to a new $2a$ hash made by the program, and ends every other session of
-- theirs: whoever else held one (a stolen laptop, say) is out.
CREATE FUNCTION public.taskdesk_change_password(p_old_password text, p_new_hash text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_id integer := public.taskdesk_check_own_password(p_old_password);
BEGIN
    IF p_new_hash IS NULL OR p_new_hash !~ '^\$2a\$(0[4-9]|[12][0-9]|3[01])\$[./A-Za-z0-9]{53}$' THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'password hash must be a bcrypt $2a$ hash';
    END IF;
    UPDATE public.users u SET password_hash = p_new_hash, updated_at = now() AT TIME ZONE 'UTC' WHERE u.id = v_id;
    DELETE FROM public.sessions s
    WHERE s.user_id = v_id
      AND s.token_sha256 IS DISTINCT FROM
          encode(public.digest(nullif(current_setting('app.session_token', true), ''), 'sha256'), 'hex');
END
$$;

-- Deletes the signed-in user; their tasks, sessions and sign-in attempts go with them (ON DELETE CASCADE).
CREATE FUNCTION public.taskdesk_delete_account(p_password text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    -- Checked once, before the DELETE: called in its WHERE clause it would run for every row and, being VOLATILE,
    -- see the user's own row already deleted.
    v_id integer := public.taskdesk_check_own_password(p_password);
BEGIN
    DELETE FROM public.users u WHERE u.id = v_id;
END
$$;

REVOKE EXECUTE ON FUNCTION public.taskdesk_sign_up(text, text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sign_in(text, text, integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sign_in_result(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_current_user_id() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_whoami() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sign_out() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_check_own_password(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_change_password(text, text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_delete_account(text) FROM PUBLIC;

-- Every statement on tasks sees and writes only the signed-in user's rows, the owner's included (FORCE): functions
-- running as the owner must not see everyone's tasks either. users is deliberately not forced: the sign-in
-- functions, running as its owner, must read it, and the client has no rights on it at all.
ALTER TABLE tasks ENABLE ROW LEVEL SECURITY;
ALTER TABLE tasks FORCE ROW LEVEL SECURITY;
CREATE POLICY tasks_of_signed_in_user ON tasks
    FOR ALL
    USING (user_id = (SELECT public.taskdesk_current_user_id()))
    WITH CHECK (user_id = (SELECT public.taskdesk_current_user_id()));
