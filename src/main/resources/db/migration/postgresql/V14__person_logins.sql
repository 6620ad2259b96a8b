-- Per-person logins (issue 11, docs/decisions/0030-per-person-logins.md). Every member shared one client login whose
-- password is public, and PostgreSQL lets any login change its own password and defaults and fill its own connection
-- limit: one member locked everyone out. Now the shared login only signs up and signs in, and each sign-in hands the
-- device a PostgreSQL login of its own, td_<database oid>_<random>, a member of the NOLOGIN group
-- td_<database oid>_people that holds EXECUTE on what a signed-in device calls. A member who sabotages their login
-- harms only themselves.
--
-- Roles are cluster-wide: the names carry this database's oid and nothing about the person. The group is made by
-- 'taskdesk server setup' (it needs CREATEROLE, which this migration does not assume); until then sign-in hands out
-- no login and devices keep the shared one, as before V14.
--
-- Each session may have a login (sessions.login_name). A session with a login is usable only from that login (or
-- the owner's); a session without one only from a login that is not a person's. Sign-out drops the login (or, when
-- the login signs itself out, makes it NOLOGIN: PostgreSQL cannot drop the session user); logins whose session has
-- gone or expired are dropped by the next sign-ins and by 'server setup'.
ALTER TABLE sessions ADD COLUMN login_name VARCHAR(63);
CREATE UNIQUE INDEX idx_sessions_login_name ON sessions (login_name);

-- Room for person logins: one row per login the server has connections for, as many as 'server setup' counts
-- (max_connections less the superusers', the owner's room and the shared login's, divided by a login's five), so
-- that members together, however many accounts one of them makes, can never fill the server. A new login takes a
-- free row (FOR UPDATE SKIP LOCKED: a member holding a sign-in open keeps one row, never the others waiting); a row
-- is free when its login is gone or can no longer log in. No free row: sign-in says the server is full (TD006).
CREATE TABLE person_login_slots (
    slot INTEGER NOT NULL,
    login_name VARCHAR(63),
    CONSTRAINT person_login_slots_pkey PRIMARY KEY (slot)
);
REVOKE ALL ON person_login_slots FROM PUBLIC;

-- td_<oid>_: the start of every login this database hands out. The oid, not the name: a rename keeps it.
CREATE FUNCTION public.taskdesk_login_prefix() RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT 'td_' || d.oid::text || '_' FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()
$$;

CREATE FUNCTION public.taskdesk_people_role() RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT public.taskdesk_login_prefix() || 'people'
$$;

-- Whether the caller (session_user, whatever SECURITY DEFINER made current_user) may use a session whose login is
-- p_login: its own login, or the owner (and its members); a session without a login from a login that is nobody's.
CREATE FUNCTION public.taskdesk_session_caller_ok(p_login text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE
        WHEN pg_catalog.pg_has_role(session_user,
                (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = 'public.tasks'::pg_catalog.regclass),
                'USAGE') THEN true
        WHEN p_login IS NOT NULL THEN p_login = session_user::text
        ELSE NOT EXISTS (SELECT 1 FROM public.sessions o WHERE o.login_name = session_user::text)
    END
$$;

-- Drops one of this database's person logins. When PostgreSQL refuses (the login is the caller itself, signing
-- out, or something still depends on it) it can at least no longer log in, and a later sweep drops it.
CREATE FUNCTION public.taskdesk_drop_login(p_name text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_name IS NULL OR NOT starts_with(p_name, public.taskdesk_login_prefix())
            OR p_name = public.taskdesk_people_role() THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'not a person login of this database';
    END IF;
    BEGIN
        EXECUTE format('DROP ROLE IF EXISTS %I', p_name);
    EXCEPTION WHEN object_in_use OR dependent_objects_still_exist THEN
        EXECUTE format('ALTER ROLE %I NOLOGIN', p_name);
    END;
END
$$;

-- Drops person logins whose session is gone or expired, at most p_limit of them (sign-in passes a few, so that no
-- sign-in waits long; server setup passes NULL, all). A login whose role row a member keeps locked (ALTER ROLE in an
-- open transaction) is skipped after 100 ms, not waited for.
CREATE FUNCTION public.taskdesk_sweep_logins(p_limit integer) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET lock_timeout = '100ms'
AS $$
DECLARE
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_prefix text := public.taskdesk_login_prefix();
    v_name text;
    v_dropped integer := 0;
BEGIN
    DELETE FROM public.sessions s
    WHERE s.ctid = ANY (ARRAY(SELECT o.ctid FROM public.sessions o
                              WHERE o.login_name IS NOT NULL AND o.expires_at <= v_now FOR UPDATE SKIP LOCKED));
    FOR v_name IN
        SELECT r.rolname::text FROM pg_catalog.pg_roles r
        WHERE starts_with(r.rolname::text, v_prefix) AND r.rolname::text <> public.taskdesk_people_role()
          AND NOT EXISTS (SELECT 1 FROM public.sessions s WHERE s.login_name = r.rolname::text)
        ORDER BY r.oid
        LIMIT p_limit
    LOOP
        BEGIN
            PERFORM public.taskdesk_drop_login(v_name);
            v_dropped := v_dropped + 1;
        EXCEPTION WHEN OTHERS THEN
            -- Locked by its own member, or dropped by a sweep running beside this one: the next sweep tries again.
            NULL;
        END;
    END LOOP;
    RETURN v_dropped;
END
$$;

-- Puts one person login back into the state TaskDesk gives it, whatever its member did to it (any login may
-- ALTER ROLE itself SET …): no defaults of its own, then the server's timeouts; LOGIN, five connections, no expiry;
-- a member of the group. Its password is the device's and stays. Used by sign-in and by 'server setup'.
CREATE FUNCTION public.taskdesk_restore_login(p_name text) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF p_name IS NULL OR NOT starts_with(p_name, public.taskdesk_login_prefix())
            OR p_name = public.taskdesk_people_role() THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'not a person login of this database';
    END IF;
    EXECUTE format('ALTER ROLE %I RESET ALL', p_name);
    EXECUTE format('ALTER ROLE %I IN DATABASE %I RESET ALL', p_name, pg_catalog.current_database());
    EXECUTE format('ALTER ROLE %I LOGIN INHERIT CONNECTION LIMIT 5 VALID UNTIL %L', p_name, 'infinity');
    EXECUTE format('ALTER ROLE %I SET statement_timeout = %s', p_name,
                   (SELECT s.longest_statement_ms FROM public.server_settings s));
    EXECUTE format('ALTER ROLE %I SET lock_timeout = 5000', p_name);
    EXECUTE format('ALTER ROLE %I SET idle_in_transaction_session_timeout = 60000', p_name);
    -- From PostgreSQL 16 the membership can be granted without SET: the login cannot become the group (SET ROLE)
    -- and alter it as its own role. Granting again brings the options back.
    IF pg_catalog.current_setting('server_version_num')::integer >= 160000 THEN
        EXECUTE format('GRANT %I TO %I WITH INHERIT TRUE, SET FALSE', public.taskdesk_people_role(), p_name);
    ELSIF NOT pg_catalog.pg_has_role(p_name, public.taskdesk_people_role(), 'MEMBER') THEN
        EXECUTE format('GRANT %I TO %I', public.taskdesk_people_role(), p_name);
    END IF;
    -- The owner holds the login's privileges, so that TaskDesk's functions (running as the owner) may cancel its
    -- statements once they run past the longest one, whatever timeout its member switched off (V15).
    IF pg_catalog.current_setting('server_version_num')::integer >= 160000 THEN
        EXECUTE format('GRANT %I TO %I WITH INHERIT TRUE, SET FALSE', p_name, current_user);
    ELSIF NOT pg_catalog.pg_has_role(current_user, p_name, 'USAGE') THEN
        EXECUTE format('GRANT %I TO %I', p_name, current_user);
    END IF;
END
$$;

-- Hands the session of this connection (app.session_token) a login of its own and returns its name; NULL when
-- 'server setup' has not made the group yet (the device then keeps the shared login). p_verifier is the new
-- password as a SCRAM-SHA-256 verifier computed by the device: the password itself never reaches the server. A
-- session that has a login already gets it back re-keyed and repaired (settings reset, limits, membership).
-- At most five logins per person: older sessions beyond them end, with their logins.
CREATE FUNCTION public.taskdesk_session_login(p_verifier text) RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET lock_timeout = '2s'
AS $$
DECLARE
    c_logins_per_person constant integer := 5;
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_people text := public.taskdesk_people_role();
    v_session record;
    v_old record;
    v_name text;
BEGIN
    PERFORM public.taskdesk_check_statement_age();
    IF p_verifier IS NULL
            OR p_verifier !~ '^SCRAM-SHA-256\$[0-9]{4,7}:[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*$' THEN
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'the login''s password must come as a SCRAM-SHA-256 verifier';
    END IF;
    -- The owner works on its own login (ADR 4); and without the group there is nothing to hand out.
    IF pg_catalog.pg_has_role(session_user,
            (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = 'public.tasks'::pg_catalog.regclass), 'USAGE')
            OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = v_people) THEN
        RETURN NULL;
    END IF;
    SELECT s.token_sha256, s.user_id, s.login_name INTO v_session FROM public.sessions s
    WHERE s.token_sha256 = encode(public.digest(nullif(current_setting('app.session_token', true), ''), 'sha256'), 'hex')
      AND s.expires_at > v_now
    FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'TD004', MESSAGE = 'not signed in';
    END IF;
    PERFORM public.taskdesk_sweep_logins(5);

    FOR v_old IN
        SELECT s.token_sha256, s.login_name FROM public.sessions s
        WHERE s.user_id = v_session.user_id AND s.login_name IS NOT NULL AND s.token_sha256 <> v_session.token_sha256
        ORDER BY s.created_at DESC, s.token_sha256
        OFFSET c_logins_per_person - 1
        FOR UPDATE SKIP LOCKED
    LOOP
        DELETE FROM public.sessions s WHERE s.token_sha256 = v_old.token_sha256;
        BEGIN
            PERFORM public.taskdesk_drop_login(v_old.login_name);
        EXCEPTION WHEN OTHERS THEN
            NULL; -- swept later
        END;
    END LOOP;

    v_name := v_session.login_name;
    IF v_name IS NULL OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = v_name) THEN
        v_name := public.taskdesk_login_prefix() || encode(public.gen_random_bytes(12), 'hex');
        UPDATE public.person_login_slots p SET login_name = v_name
        WHERE p.slot = (SELECT q.slot FROM public.person_login_slots q
                        WHERE q.login_name IS NULL
                           OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                                          WHERE r.rolname = q.login_name AND r.rolcanlogin)
                        ORDER BY q.slot LIMIT 1 FOR UPDATE SKIP LOCKED);
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'TD006', MESSAGE = 'the server has no room for another signed-in device';
        END IF;
        EXECUTE format('CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS '
                       || 'PASSWORD %L', v_name, p_verifier);
        UPDATE public.sessions s SET login_name = v_name WHERE s.token_sha256 = v_session.token_sha256;
    ELSE
        EXECUTE format('ALTER ROLE %I PASSWORD %L', v_name, p_verifier);
    END IF;
    PERFORM public.taskdesk_restore_login(v_name);
    RETURN v_name;
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
          AND s.expires_at > (now() AT TIME ZONE 'UTC')
          AND public.taskdesk_session_caller_ok(s.login_name))
    END
$$;

CREATE OR REPLACE FUNCTION public.taskdesk_sign_out() RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_login text;
BEGIN
    PERFORM public.taskdesk_check_statement_age();
    DELETE FROM public.sessions s
    WHERE s.token_sha256 = encode(public.digest(nullif(current_setting('app.session_token', true), ''), 'sha256'), 'hex')
      AND public.taskdesk_session_caller_ok(s.login_name)
    RETURNING s.login_name INTO v_login;
    IF v_login IS NOT NULL THEN
        PERFORM public.taskdesk_drop_login(v_login);
    END IF;
END
$$;

REVOKE EXECUTE ON FUNCTION public.taskdesk_login_prefix() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_people_role() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_session_caller_ok(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_drop_login(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sweep_logins(integer) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_restore_login(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION public.taskdesk_session_login(text) FROM PUBLIC;
