package org.taskdesk.persistence.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;
import org.taskdesk.persistence.database.DatabaseErrors;
import org.taskdesk.persistence.database.DatabaseKind;
import org.taskdesk.persistence.schema.MigrationCatalog;

/**
 * Prepares a shared PostgreSQL database, migrated to head, for desktop clients: creates or updates the one
 * low-privilege login role they all use and gives it exactly what it needs, nothing more. The database owner runs it
 * once per server (and again after any change of privileges: it is idempotent).
 *
 * <p>Since V14 (ADR 30) the client role only signs up and signs in: each sign-in hands the device a login of its own,
 * a member of the group {@code td_<database oid>_people} made here, which may call the session functions and sync's
 * push (and its push of new tasks as rows, V17) and pull, through which alone a person reaches their tasks (ADR 29).
 * Setup also drops the logins whose session has gone and puts every other one back (settings, limits, membership).
 * Neither may: read or write any
 * other table or sequence ({@code tasks}, {@code task_completions}, {@code saved_searches}, {@code users},
 * {@code sessions}, {@code sign_in_checks}, {@code task_tombstones}, {@code sync_clients}, …), or
 * purge tombstones (the owner's {@code taskdesk_sync_purge}); create tables (no CREATE on schema public) or temporary
 * objects (no TEMP on the database), which could otherwise shadow the tables the functions use.
 */
public final class SharedServerSetup {
    private static final Logger LOG = LoggerFactory.getLogger(SharedServerSetup.class);
    private static final int DEFAULT_BCRYPT_COST = 12;
    /** Longer than any wait of an honest client on its own rows; a member holding a lock cannot stall others long. */
    private static final int LOCK_TIMEOUT_MILLIS = 5_000;
    /** An honest client never leaves a transaction idle for more than moments (ADR 12: every wait is bounded). */
    private static final int IDLE_IN_TRANSACTION_MILLIS = 60_000;
    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /**
     * What the client may call: the account functions and sync's push and pull, not the internal password check or
     * the helpers sync uses, nor the owner's purge.
     */
    static final List<String> CLIENT_FUNCTIONS = List.of(
            "public.taskdesk_sign_up(text, text, text)",
            "public.taskdesk_sign_in(text, text, integer)",
            "public.taskdesk_sign_in_result(text)",
            "public.taskdesk_whoami()",
            "public.taskdesk_session_login(text)");

    /**
     * What the group of per-person logins holds (V14, ADR 30): what a signed-in device calls. Signing up or in is the
     * shared login's; nothing on tables or sequences.
     */
    static final List<String> PERSON_FUNCTIONS = List.of(
            "public.taskdesk_sign_out()",
            "public.taskdesk_current_user_id()",
            "public.taskdesk_whoami()",
            "public.taskdesk_change_password(text, text)",
            "public.taskdesk_delete_account(text)",
            "public.taskdesk_sync_push(uuid, jsonb)",
            "public.taskdesk_sync_push_new(uuid, text)",
            "public.taskdesk_sync_pull(uuid, bigint, integer)",
            "public.taskdesk_sync_pull_rows(uuid, bigint, integer)");

    /**
     * Without per-person logins (an owner that may not create roles) the shared login keeps what it had before V14:
     * sign-up, sign-in and everything a signed-in device calls.
     */
    static final List<String> SHARED_ONLY_FUNCTIONS = Stream.concat(Stream.of(
            "public.taskdesk_sign_up(text, text, text)",
            "public.taskdesk_sign_in(text, text, integer)",
            "public.taskdesk_sign_in_result(text)"), PERSON_FUNCTIONS.stream()).toList();

    /**
     * The group of per-person logins (V14), made or put back: NOLOGIN, no defaults; then the logins whose session
     * has gone or expired are dropped and every other one is restored (settings, limits, membership).
     */
    private static final String PEOPLE = """
            DO $people$
            DECLARE
                people text := public.taskdesk_people_role();
                login text;
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = people) THEN
                    EXECUTE format('CREATE ROLE %I NOLOGIN NOINHERIT', people);
                ELSE
                    EXECUTE format('ALTER ROLE %I NOLOGIN CONNECTION LIMIT -1', people);
                    EXECUTE format('ALTER ROLE %I RESET ALL', people);
                END IF;
                PERFORM public.taskdesk_sweep_logins(NULL);
                FOR login IN SELECT s.login_name FROM public.sessions s
                             JOIN pg_catalog.pg_roles r ON r.rolname = s.login_name
                LOOP
                    PERFORM public.taskdesk_restore_login(login);
                END LOOP;
            END
            $people$""";

    /**
     * The grants, as one block that reads the role name from a transaction-local setting, so that it is quoted by
     * the server ({@code %I}) and never pasted into SQL by us. Revoking first makes a rerun put things back exactly,
     * also after someone granted more by hand (TRUNCATE, say, which ignores row-level security).
     */
    private static final String GRANTS = """
            DO $grants$
            DECLARE
                client text := current_setting('taskdesk.setup.client_role');
                people text := public.taskdesk_people_role();
                person_functions text := current_setting('taskdesk.setup.person_functions');
                fn text;
            BEGIN
                EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), client);
                EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC, %I', current_database(), client);
                EXECUTE format('REVOKE CREATE ON SCHEMA public FROM PUBLIC, %I', client);
                EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', client);

                -- Nothing on any table or sequence (V12, ADR 29): members reach tasks, completions and saved
                -- searches only through the sync functions, which run as the owner.
                EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC, %I', client);
                EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM PUBLIC, %I', client);
                -- Read-only, so that the app can check the schema version before use ("clients only check it").
                EXECUTE format('GRANT SELECT ON TABLE public.flyway_schema_history TO %I', client);

                -- Not ALL FUNCTIONS: pgcrypto's belong to the bootstrap superuser, and the owner calls them through
                -- PUBLIC's EXECUTE. Ours are revoked one by one, then the client's granted.

                FOR fn IN SELECT p.oid::regprocedure::text FROM pg_catalog.pg_proc p
                          WHERE p.pronamespace = 'public'::regnamespace AND p.proname LIKE 'taskdesk\\_%'
                LOOP
                    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC, %I', fn, client);
                END LOOP;
                FOREACH fn IN ARRAY string_to_array(current_setting('taskdesk.setup.client_functions'), ';')
                LOOP
                    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', fn, client);
                END LOOP;

                IF person_functions = '' THEN
                    RETURN;
                END IF;
                -- The group of per-person logins (V14): the same door, and the functions of a signed-in device.
                EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), people);
                EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM %I', current_database(), people);
                EXECUTE format('REVOKE CREATE ON SCHEMA public FROM %I', people);
                EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', people);
                EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', people);
                EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I', people);
                EXECUTE format('GRANT SELECT ON TABLE public.flyway_schema_history TO %I', people);
                FOR fn IN SELECT p.oid::regprocedure::text FROM pg_catalog.pg_proc p
                          WHERE p.pronamespace = 'public'::regnamespace AND p.proname LIKE 'taskdesk\\_%'
                LOOP
                    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM %I', fn, people);
                END LOOP;
                FOREACH fn IN ARRAY string_to_array(person_functions, ';')
                LOOP
                    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', fn, people);
                END LOOP;

                -- Large objects are stored without limit by anyone who may call lo_create: PUBLIC may, and only a
                -- superuser can change that (the functions belong to the bootstrap superuser). In this database
                -- only; TaskDesk uses none. The owner of a hosted database cannot: ADR 25 lists the line to run.
                IF (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) THEN
                    REVOKE EXECUTE ON FUNCTION pg_catalog.lo_create(oid), pg_catalog.lo_creat(integer),
                        pg_catalog.lo_from_bytea(oid, bytea) FROM PUBLIC;
                END IF;
            END
            $grants$""";

    /**
     * Creates the client role {@code clientRole}, or brings an existing one back to what it must be, and grants it
     * what clients need. {@code clientPassword} sets its password; null keeps an existing role's password (a new
     * role needs one). The password reaches the server only as a SCRAM-SHA-256 verifier computed here, never as text.
     *
     * @param ownerConnection a connection as the owner of the database and its tables, to a database at head
     * @throws TaskDeskException INVALID_INPUT for a bad role name, a role that cannot be a client, a missing
     *                           password or a connection that is not the owner's; SCHEMA_MISMATCH when the database is
     *                           not at the newest version; DATABASE_UNAVAILABLE when the server fails
     */
    public void setUp(Connection ownerConnection, String clientRole, String clientPassword) {
        setUp(ownerConnection, clientRole, clientPassword, SharedServerLimits.forBcryptCost(DEFAULT_BCRYPT_COST));
    }

    /**
     * As {@link #setUp(Connection, String, String)}, and writes {@code limits} on the server: the bcrypt cost it
     * accepts beside 10 to 14, the longest statement, the client login's connections.
     */
    public void setUp(Connection ownerConnection, String clientRole, String clientPassword, SharedServerLimits limits) {
        if (clientRole == null || !ROLE_NAME.matcher(clientRole).matches() || clientRole.startsWith("pg_")) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "The client role name must be 1 to 63 lower-case "
                    + "letters, digits and underscores, start with a letter or underscore and not with pg_; got '"
                    + clientRole + "'.");
        }
        if (clientPassword != null && clientPassword.isEmpty()) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "The client role's password must not be empty.");
        }
        try {
            boolean autoCommit = ownerConnection.getAutoCommit();
            ownerConnection.setAutoCommit(false);
            try {
                setUpInTransaction(ownerConnection, clientRole, clientPassword, limits);
                ownerConnection.commit();
            } catch (SQLException | RuntimeException e) {
                ownerConnection.rollback();
                throw e;
            } finally {
                ownerConnection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new TaskDeskException(ErrorCode.DATABASE_UNAVAILABLE, "Could not set up the shared server for "
                    + "client role " + clientRole + ": " + redact(DatabaseErrors.firstLine(e), clientPassword)
                    + ". Nothing was changed.", e);
        }
        LOG.info("Shared server set up for client role {}", clientRole);
    }

    private void setUpInTransaction(Connection connection, String role, String password, SharedServerLimits limits)
            throws SQLException {
        checkIsPostgres(connection);
        checkIsOwner(connection);
        checkAtHead(connection);
        RoleState state = roleState(connection, role);
        String quoted = quoteIdent(connection, role);
        try (Statement statement = connection.createStatement()) {
            if (state == null) {
                if (password == null) {
                    throw new TaskDeskException(ErrorCode.INVALID_INPUT, "The client role " + role
                            + " does not exist yet: give it a password.");
                }
                statement.execute("CREATE ROLE " + quoted + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT "
                        + "NOREPLICATION NOBYPASSRLS");
            } else {
                checkCanBeClient(connection, role, state);
                // Only what differs is altered: a non-superuser owner may not even name some attributes
                // (PostgreSQL 16+ wants CREATEDB to change CREATEDB, for instance).
                StringBuilder changes = new StringBuilder();
                changes.append(state.login ? "" : " LOGIN").append(state.createDb ? " NOCREATEDB" : "")
                        .append(state.createRole ? " NOCREATEROLE" : "").append(state.inherit ? " NOINHERIT" : "");
                if (!changes.isEmpty()) {
                    statement.execute("ALTER ROLE " + quoted + changes);
                }
            }
        }
        if (password != null) {
            // The driver computes the SCRAM-SHA-256 verifier here and sends only that: the password itself never
            // reaches the server, its logs or pg_stat_activity.
            connection.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
        }
        restoreRoleSettings(connection, quoted, limits);
        boolean personLogins = canCreateRoles(connection);
        if (personLogins) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(PEOPLE);
            }
            sizePersonLoginSlots(connection, limits);
            holdPrivilegesOf(connection, quoted);
        } else {
            LOG.warn("The owner may not create roles (CREATEROLE): every member keeps sharing the client login "
                    + "{} (ADR 30)", role);
        }
        try (PreparedStatement settings = connection.prepareStatement(
                "SELECT pg_catalog.set_config('taskdesk.setup.client_role', ?, true), "
                        + "pg_catalog.set_config('taskdesk.setup.client_functions', ?, true), "
                        + "pg_catalog.set_config('taskdesk.setup.person_functions', ?, true)")) {
            settings.setString(1, role);
            settings.setString(2, String.join(";", personLogins ? CLIENT_FUNCTIONS : SHARED_ONLY_FUNCTIONS));
            settings.setString(3, personLogins ? String.join(";", PERSON_FUNCTIONS) : "");
            settings.execute();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(GRANTS);
        }
    }

    /**
     * Puts back every default a member may have given the shared login (any role may ALTER ROLE itself SET …, for
     * all databases or this one: default_transaction_read_only = on locked everyone out), then sets the server's
     * own: the statement, lock and idle-in-transaction timeouts, the connection limit, no expiry; and writes the
     * limits the functions read. All numbers are formatted here, never taken from text.
     */
    private static void restoreRoleSettings(Connection connection, String quotedRole, SharedServerLimits limits)
            throws SQLException {
        long statementMillis = limits.longestStatement().toMillis();
        int connections = clientConnections(connection, limits);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + quotedRole + " RESET ALL");
            statement.execute("ALTER ROLE " + quotedRole + " IN DATABASE "
                    + quoteIdent(connection, currentDatabase(connection)) + " RESET ALL");
            statement.execute("ALTER ROLE " + quotedRole + " SET statement_timeout = " + statementMillis);
            statement.execute("ALTER ROLE " + quotedRole + " SET lock_timeout = " + LOCK_TIMEOUT_MILLIS);
            statement.execute("ALTER ROLE " + quotedRole + " SET idle_in_transaction_session_timeout = "
                    + IDLE_IN_TRANSACTION_MILLIS);
            statement.execute("ALTER ROLE " + quotedRole + " CONNECTION LIMIT " + connections
                    + " VALID UNTIL 'infinity'");
        }
        try (PreparedStatement settings = connection.prepareStatement(
                "UPDATE public.server_settings SET bcrypt_cost = ?, longest_statement_ms = ?")) {
            settings.setInt(1, limits.bcryptCost());
            settings.setInt(2, (int) statementMillis);
            settings.executeUpdate();
        }
    }

    /**
     * The client login's connection limit: what the server allows ordinary logins (max_connections less the slots
     * kept for superusers and for roles with pg_use_reserved_connections) less
     * {@value SharedServerLimits#KEPT_FOR_OTHERS}, so that one member holding every client connection still leaves
     * the owner room; at least 1, and at most {@code limits.clientConnections()} when given, else
     * {@value SharedServerLimits#SHARED_LOGIN_CONNECTIONS} (ADR 30).
     */
    static int clientConnections(Connection connection, SharedServerLimits limits) throws SQLException {
        int open = Math.max(1, ordinaryConnections(connection) - SharedServerLimits.KEPT_FOR_OTHERS);
        return Math.min(open, limits.clientConnections() == null ? SharedServerLimits.SHARED_LOGIN_CONNECTIONS
                : limits.clientConnections());
    }

    /** max_connections less the slots kept for superusers and for roles with pg_use_reserved_connections. */
    private static int ordinaryConnections(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("""
                     SELECT current_setting('max_connections')::integer
                            - current_setting('superuser_reserved_connections')::integer
                            - coalesce(current_setting('reserved_connections', true)::integer, 0)""")) {
            result.next();
            return result.getInt(1);
        }
    }

    /**
     * Gives the owner the shared login's privileges, as sign-in does for each person login, so that TaskDesk's
     * functions (running as the owner) may cancel a member's statement on it that runs past the longest one, whatever
     * timeout they switched off (V15). A client role the owner may not grant (made by someone else before) keeps
     * working; only that watch is missing, and the log says so.
     */
    private static void holdPrivilegesOf(Connection connection, String quotedRole) throws SQLException {
        boolean sixteen = connection.getMetaData().getDatabaseMajorVersion() >= 16;
        Savepoint before = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            statement.execute("GRANT " + quotedRole + " TO CURRENT_USER" + (sixteen ? " WITH INHERIT TRUE, SET FALSE" : ""));
            connection.releaseSavepoint(before);
        } catch (SQLException e) {
            connection.rollback(before);
            LOG.warn("The owner may not hold the client role's privileges ({}): a member's long statement on the shared "
                    + "login is stopped only by its own timeout", DatabaseErrors.firstLine(e));
        }
    }

    /**
     * Makes room for as many person logins as the server has connections for (ADR 30): the rows of
     * person_login_slots, which sign-in takes one of for each new login. Logins beyond a smaller number keep working
     * until they end; no new one is handed out until there is room.
     */
    private static void sizePersonLoginSlots(Connection connection, SharedServerLimits limits) throws SQLException {
        int slots = personLoginSlots(connection, limits);
        try (PreparedStatement add = connection.prepareStatement("INSERT INTO public.person_login_slots (slot) "
                + "SELECT g FROM pg_catalog.generate_series(1, ?) g ON CONFLICT (slot) DO NOTHING");
             PreparedStatement remove = connection.prepareStatement(
                     "DELETE FROM public.person_login_slots WHERE slot > ?")) {
            add.setInt(1, slots);
            add.executeUpdate();
            remove.setInt(1, slots);
            remove.executeUpdate();
        }
        LOG.info("Room for {} signed-in devices (person logins of {} connections each)", slots,
                SharedServerLimits.PERSON_LOGIN_CONNECTIONS);
    }

    /**
     * How many person logins fit: the connections ordinary logins may use, less the owner's room and the shared
     * login's limit, divided by a person login's limit; or {@code limits.personLogins()} when given.
     */
    static int personLoginSlots(Connection connection, SharedServerLimits limits) throws SQLException {
        if (limits.personLogins() != null) {
            return limits.personLogins();
        }
        int free = ordinaryConnections(connection) - SharedServerLimits.KEPT_FOR_OTHERS
                - clientConnections(connection, limits);
        return Math.max(0, free / SharedServerLimits.PERSON_LOGIN_CONNECTIONS);
    }

    /** Whether the owner may make the per-person logins: CREATEROLE (or a superuser). */
    private static boolean canCreateRoles(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT r.rolcreaterole OR r.rolsuper FROM pg_catalog.pg_roles r "
                     + "WHERE r.rolname = current_user")) {
            return result.next() && result.getBoolean(1);
        }
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT current_database()")) {
            result.next();
            return result.getString(1);
        }
    }

    private static void checkIsPostgres(Connection connection) throws SQLException {
        if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "A shared server is a PostgreSQL database; this is "
                    + connection.getMetaData().getDatabaseProductName() + ".");
        }
    }

    private static void checkAtHead(Connection connection) throws SQLException {
        int head = MigrationCatalog.forKind(DatabaseKind.POSTGRESQL).head();
        Integer current = null;
        boolean hasHistory;
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT pg_catalog.to_regclass('public.flyway_schema_history') IS NOT NULL")) {
            result.next();
            hasHistory = result.getBoolean(1);
        }
        if (hasHistory) {
            // A failed step leaves the database short of head, whatever the highest version says.
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("""
                         SELECT max(version::integer), bool_and(success) FROM public.flyway_schema_history
                         WHERE version IS NOT NULL""")) {
                result.next();
                int version = result.getInt(1);
                current = result.wasNull() || !result.getBoolean(2) ? null : version;
            }
        }
        if (current == null || current != head) {
            throw new TaskDeskException(ErrorCode.SCHEMA_MISMATCH, "The database is at version "
                    + (current == null ? "none" : current) + ", but setting up a shared server needs version " + head
                    + " (head): run taskdesk db upgrade head as the database owner first.");
        }
    }

    private static void checkIsOwner(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("""
                     SELECT current_user,
                            (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)
                            OR (pg_catalog.pg_get_userbyid(d.datdba) = current_user
                                AND coalesce((SELECT pg_catalog.pg_get_userbyid(c.relowner) = current_user
                                              FROM pg_catalog.pg_class c
                                              WHERE c.oid = pg_catalog.to_regclass('public.tasks')), true))
                     FROM pg_catalog.pg_database d WHERE d.datname = current_database()""")) {
            result.next();
            if (!result.getBoolean(2)) {
                throw new TaskDeskException(ErrorCode.INVALID_INPUT, "Setting up a shared server needs a connection as "
                        + "the owner of the database and its tables, not as " + result.getString(1) + ".");
            }
        }
    }

    private record RoleState(boolean superuser, boolean login, boolean createDb, boolean createRole, boolean inherit,
                             boolean replication, boolean bypassRls, boolean ownsSomething, boolean memberOfAnother,
                             boolean isCurrentUser) {
    }

    private static RoleState roleState(Connection connection, String role) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT r.rolsuper, r.rolcanlogin, r.rolcreatedb, r.rolcreaterole, r.rolinherit, r.rolreplication,
                       r.rolbypassrls,
                       EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.relowner = r.oid)
                         OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc p WHERE p.proowner = r.oid)
                         OR EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n WHERE n.nspowner = r.oid)
                         OR EXISTS (SELECT 1 FROM pg_catalog.pg_database d WHERE d.datdba = r.oid),
                       EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m WHERE m.member = r.oid),
                       r.rolname = current_user
                FROM pg_catalog.pg_roles r WHERE r.rolname = ?""")) {
            statement.setString(1, role);
            try (ResultSet r = statement.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                return new RoleState(r.getBoolean(1), r.getBoolean(2), r.getBoolean(3), r.getBoolean(4),
                        r.getBoolean(5), r.getBoolean(6), r.getBoolean(7), r.getBoolean(8), r.getBoolean(9),
                        r.getBoolean(10));
            }
        }
    }

    /**
     * Refuses a role that must not become the everyone-knows-its-password login: one that could do more than the
     * client may even after our changes, because we cannot (as a non-superuser) or should not take that away.
     */
    private static void checkCanBeClient(Connection connection, String role, RoleState state) {
        String reason = state.isCurrentUser ? "it is the role this connection uses"
                : state.superuser ? "it is a superuser"
                : state.replication ? "it has REPLICATION"
                : state.bypassRls ? "it has BYPASSRLS, which ignores row-level security"
                : state.ownsSomething ? "it owns objects (its owner rights would ignore the client's limits)"
                : state.memberOfAnother ? "it is a member of other roles, whose rights it could take on with SET ROLE"
                : null;
        if (reason != null) {
            throw new TaskDeskException(ErrorCode.INVALID_INPUT, "The role " + role + " cannot be the shared "
                    + "client role: " + reason + ". Choose a new name.");
        }
    }

    private static String quoteIdent(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_catalog.quote_ident(?)")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    private static String redact(String text, String password) {
        return password == null || password.length() < 2 ? text : text.replace(password, "***");
    }
}
