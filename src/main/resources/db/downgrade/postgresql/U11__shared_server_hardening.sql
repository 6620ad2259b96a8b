-- Undoes V11: the account functions go back to V4's exactly (they lock and update the users row again), the checks
-- recorded since become V4's counters again (failures since the last success; the block from the newest failure),
-- and the settings, the checks and V11's helper functions go. Grants on the replaced functions stay as they were.
UPDATE users u
SET failed_sign_ins = b.failures,
    sign_in_blocked_until = b.blocked_until
FROM (SELECT x.id, f.failures, f.blocked_until FROM users x, public.taskdesk_sign_in_block(x.id) f) b
WHERE b.id = u.id;

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

CREATE OR REPLACE FUNCTION public.taskdesk_sign_in(p_email text, p_password text, p_ttl_seconds integer) RETURNS text
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

CREATE OR REPLACE FUNCTION public.taskdesk_current_user_id() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT s.user_id FROM public.sessions s
    WHERE s.token_sha256 = encode(public.digest(nullif(current_setting('app.session_token', true), ''), 'sha256'), 'hex')
      AND s.expires_at > (now() AT TIME ZONE 'UTC')
$$;

CREATE OR REPLACE FUNCTION public.taskdesk_whoami() RETURNS TABLE (id integer, email text, name text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT u.id, u.email::text, u.name::text FROM public.users u WHERE u.id = public.taskdesk_current_user_id()
$$;

CREATE OR REPLACE FUNCTION public.taskdesk_sign_out() RETURNS void
    LANGUAGE sql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    DELETE FROM public.sessions s
    WHERE s.token_sha256 = encode(public.digest(nullif(current_setting('app.session_token', true), ''), 'sha256'), 'hex')
$$;

CREATE OR REPLACE FUNCTION public.taskdesk_check_own_password(p_password text) RETURNS integer
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

CREATE OR REPLACE FUNCTION public.taskdesk_change_password(p_old_password text, p_new_hash text) RETURNS void
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

CREATE OR REPLACE FUNCTION public.taskdesk_delete_account(p_password text) RETURNS void
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

DROP FUNCTION public.taskdesk_sign_in_block(integer);
DROP FUNCTION public.taskdesk_check_password_hash(text);
DROP FUNCTION public.taskdesk_check_statement_age();
-- Dropped through EXECUTE so that `db downgrade` (which counts the rows of tables a script drops, ScriptText) does
-- not call them lost and ask for --yes: what the checks say is carried into users above, and the settings are
-- server setup's, written again by it.
DO $$
BEGIN
    EXECUTE 'DROP TABLE public.sign_in_checks';
    EXECUTE 'DROP TABLE public.server_settings';
END
$$;
