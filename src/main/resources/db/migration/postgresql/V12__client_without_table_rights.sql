-- Members reach the shared server only through TaskDesk's functions (issue 10; docs/decisions/0029-shared-server-
-- through-a-replica.md): each device works on a replica of its person's account and syncs it with
-- taskdesk_sync_push and taskdesk_sync_pull, SECURITY DEFINER functions that run as the owner. So no login but the
-- owner keeps any right on a table or sequence of TaskDesk's, and with them goes what a member could do to everyone:
-- LOCK TABLE tasks (UPDATE or DELETE rights allow ACCESS EXCLUSIVE), EXPLAIN's row estimates (SELECT), drawing or
-- watching tasks_id_seq (USAGE shows last_value and allows nextval), and probing other people's rows through unique
-- violations on explicit ids (INSERT). The one exception is SELECT on flyway_schema_history: the app reads the
-- schema version before it saves a server's URL; that table holds nobody's data.
-- The client login's name is chosen by 'taskdesk server setup', so this takes every right that any role but the
-- owner holds on our tables and sequences; 'server setup' from this version on grants none of them again.
DO $revoke$
DECLARE
    target text;
    grantee text;
BEGIN
    FOR target, grantee IN
        SELECT DISTINCT c.oid::regclass::text, coalesce(quote_ident(r.rolname), 'PUBLIC')
        FROM pg_catalog.pg_class c
        CROSS JOIN LATERAL pg_catalog.aclexplode(c.relacl) a
        LEFT JOIN pg_catalog.pg_roles r ON r.oid = a.grantee
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
          AND c.relname <> 'flyway_schema_history' AND a.grantee <> c.relowner
    LOOP
        EXECUTE format('REVOKE ALL ON %s FROM %s', target, grantee);
    END LOOP;
END
$revoke$;
