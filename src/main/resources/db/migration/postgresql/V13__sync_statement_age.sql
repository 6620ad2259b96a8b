-- The sync functions stop, like every other TaskDesk function since V11 (ADR 0025), once the statement that calls
-- them has run longer than server_settings.longest_statement_ms, whatever the session's own statement_timeout: a
-- query that calls taskdesk_sync_pull, _push or _purge a billion times ends after 30 s. Push and pull already
-- stopped through taskdesk_current_user_id(), which their DECLARE calls; purge did not, and none of the three said
-- so itself. Each now checks first, explicitly.
--
-- And tombstones are purged without anyone remembering to: nothing called taskdesk_sync_purge (ADR 0023). A push
-- now first purges its own person's tombstones older than 90 days, at most once a day per person
-- (users.sync_purged_at), and raises that person's sync_floor as the owner's purge does. It touches no one else's
-- rows: the person's users row, which the push takes next anyway, and their own tombstones (index on deleted_at).
-- taskdesk_sync_purge(days) stays for the owner (everyone at once, any age).
--
-- The lines are added to the bodies the database has rather than by restating them: another migration of the same
-- release may have replaced them (V12, the replicas), and restating V10's bodies here would undo it silently. A
-- body without a BEGIN line to add it after stops the migration instead.
ALTER TABLE users ADD COLUMN sync_purged_at TIMESTAMP WITHOUT TIME ZONE;

-- The person's tombstones older than 90 days go, once a day at most; their floor rises to the greatest version
-- purged, so a replica whose cursor is below it resyncs instead of missing a delete. Called by push, with the
-- caller's id (NULL without a session: nothing happens, and push then says TD004).
CREATE FUNCTION public.taskdesk_sync_purge_own(p_user integer) RETURNS void
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_floor bigint;
BEGIN
    UPDATE public.users u SET sync_purged_at = v_now
    WHERE u.id = p_user AND (u.sync_purged_at IS NULL OR u.sync_purged_at <= v_now - interval '1 day');
    IF NOT FOUND THEN
        RETURN;
    END IF;
    WITH gone AS (
        DELETE FROM public.task_tombstones d
        WHERE d.user_id = p_user AND d.deleted_at < v_now - interval '90 days'
        RETURNING d.version
    )
    SELECT max(g.version) INTO v_floor FROM gone g;
    IF v_floor IS NOT NULL THEN
        UPDATE public.users u SET sync_floor = greatest(u.sync_floor, v_floor) WHERE u.id = p_user;
    END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION public.taskdesk_sync_purge_own(integer) FROM PUBLIC;

DO $$
DECLARE
    v_name text;
    v_definition text;
    v_checked text;
BEGIN
    FOREACH v_name IN ARRAY ARRAY['public.taskdesk_sync_push(uuid, jsonb)', 'public.taskdesk_sync_pull(uuid, bigint, integer)',
                                  'public.taskdesk_sync_purge(integer)'] LOOP
        v_definition := pg_catalog.pg_get_functiondef(v_name::pg_catalog.regprocedure);
        IF position(E'\n    PERFORM public.taskdesk_check_statement_age();' IN v_definition) > 0 THEN
            CONTINUE;
        END IF;
        v_checked := regexp_replace(v_definition, E'\nBEGIN\n',
                                    E'\nBEGIN\n    PERFORM public.taskdesk_check_statement_age();\n');
        IF v_checked = v_definition THEN
            RAISE EXCEPTION 'V13: % has no BEGIN line to put the statement-age check after', v_name;
        END IF;
        EXECUTE v_checked;
    END LOOP;
    -- Push: the daily purge of the caller's own old tombstones, right after the check.
    v_definition := pg_catalog.pg_get_functiondef('public.taskdesk_sync_push(uuid, jsonb)'::pg_catalog.regprocedure);
    v_checked := replace(v_definition, E'\nBEGIN\n    PERFORM public.taskdesk_check_statement_age();\n',
                         E'\nBEGIN\n    PERFORM public.taskdesk_check_statement_age();\n'
                         || E'    PERFORM public.taskdesk_sync_purge_own(v_user);\n');
    IF v_checked = v_definition OR position('v_user integer := public.taskdesk_current_user_id()' IN v_definition) = 0 THEN
        RAISE EXCEPTION 'V13: taskdesk_sync_push is not the push V13 knows (no check line, or no v_user)';
    END IF;
    EXECUTE v_checked;
END
$$;
