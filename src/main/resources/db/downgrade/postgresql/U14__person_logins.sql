-- Undoes V14: the per-person logins and their group go, with the sessions that had one (those devices sign in again,
-- through the shared login), and the shared client logins (every role but the owner and the group that may call
-- taskdesk_sign_in) get back what 'server setup' gave them before version 14: the session and sync functions.
-- taskdesk_current_user_id and taskdesk_sign_out are V11's again.
DO $undo$
DECLARE
    v_prefix text := public.taskdesk_login_prefix();
    v_people text := public.taskdesk_people_role();
    v_name text;
    v_client text;
    v_fn text;
BEGIN
    FOR v_client IN
        SELECT DISTINCT quote_ident(r.rolname)
        FROM pg_catalog.pg_proc p
        CROSS JOIN LATERAL pg_catalog.aclexplode(p.proacl) a
        JOIN pg_catalog.pg_roles r ON r.oid = a.grantee
        WHERE p.pronamespace = 'public'::regnamespace AND p.proname = 'taskdesk_sign_in'
          AND a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner AND r.rolname <> v_people
    LOOP
        FOREACH v_fn IN ARRAY ARRAY['public.taskdesk_sign_out()', 'public.taskdesk_current_user_id()',
                                    'public.taskdesk_whoami()', 'public.taskdesk_change_password(text, text)',
                                    'public.taskdesk_delete_account(text)', 'public.taskdesk_sync_push(uuid, jsonb)',
                                    'public.taskdesk_sync_pull(uuid, bigint, integer)'] LOOP
            EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %s', v_fn, v_client);
        END LOOP;
    END LOOP;

    DELETE FROM public.sessions s WHERE s.login_name IS NOT NULL;
    FOR v_name IN SELECT r.rolname::text FROM pg_catalog.pg_roles r
                  WHERE starts_with(r.rolname::text, v_prefix) AND r.rolname::text <> v_people LOOP
        EXECUTE format('DROP ROLE %I', v_name);
    END LOOP;
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = v_people) THEN
        FOR v_fn IN SELECT p.oid::regprocedure::text FROM pg_catalog.pg_proc p
                    WHERE p.pronamespace = 'public'::regnamespace AND p.proname LIKE 'taskdesk\_%' LOOP
            EXECUTE format('REVOKE ALL ON FUNCTION %s FROM %I', v_fn, v_people);
        END LOOP;
        EXECUTE format('REVOKE ALL ON TABLE public.flyway_schema_history FROM %I', v_people);
        EXECUTE format('REVOKE ALL ON SCHEMA public FROM %I', v_people);
        EXECUTE format('REVOKE ALL ON DATABASE %I FROM %I', pg_catalog.current_database(), v_people);
        EXECUTE format('DROP ROLE %I', v_people);
    END IF;
END
$undo$;

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

DROP FUNCTION public.taskdesk_session_login(text);
DROP FUNCTION public.taskdesk_sweep_logins(integer);
DROP FUNCTION public.taskdesk_restore_login(text);
DROP FUNCTION public.taskdesk_drop_login(text);
DROP FUNCTION public.taskdesk_session_caller_ok(text);
DROP FUNCTION public.taskdesk_people_role();
DROP FUNCTION public.taskdesk_login_prefix();
DROP INDEX idx_sessions_login_name;
ALTER TABLE sessions DROP COLUMN login_name;
DROP TABLE person_login_slots; -- bookkeeping: the room 'server setup' counts, no one's data
