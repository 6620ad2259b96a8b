-- Undoes V12: the client logins (every role but the owner that may call taskdesk_sign_in) get back the rights on
-- tasks, task_completions and saved_searches that 'server setup' gave them before version 12, so that an older
-- TaskDesk, which works on these tables directly, works again. Row-level security still keeps each to their own rows.
DO $grant$
DECLARE
    client text;
BEGIN
    FOR client IN
        SELECT DISTINCT quote_ident(r.rolname)
        FROM pg_catalog.pg_proc p
        CROSS JOIN LATERAL pg_catalog.aclexplode(p.proacl) a
        JOIN pg_catalog.pg_roles r ON r.oid = a.grantee
        WHERE p.pronamespace = 'public'::regnamespace AND p.proname = 'taskdesk_sign_in'
          AND a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner
    LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.tasks TO %s', client);
        EXECUTE format('GRANT USAGE ON SEQUENCE public.tasks_id_seq TO %s', client);
        EXECUTE format('GRANT SELECT, INSERT, DELETE ON TABLE public.task_completions TO %s', client);
        EXECUTE format('GRANT USAGE ON SEQUENCE public.task_completions_id_seq TO %s', client);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE public.saved_searches TO %s', client);
        EXECUTE format('GRANT USAGE ON SEQUENCE public.saved_searches_id_seq TO %s', client);
    END LOOP;
END
$grant$;
