package org.taskdesk.persistence.database;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taskdesk.domain.ErrorCode;
import org.taskdesk.domain.TaskDeskException;

/**
 * Turns what a person types or pastes as "the database" into a {@link DatabaseTarget}.
 *
 * <p>Accepted forms:
 * <ul>
 *   <li>{@code postgresql://user:pass@host:port/db?sslmode=require&channel_binding=require} and {@code postgres://…},
 *       exactly as hosted PostgreSQL services hand them out (percent-encoded user and password included). libpq's
 *       parameter names are translated to pgjdbc's where they differ; {@code sslmode} passes through, since pgjdbc
 *       understands it (the seed's rewrite to {@code ssl=true} was an asyncpg workaround).</li>
 *   <li>{@code jdbc:postgresql://…} with optional {@code user=} and {@code password=} parameters.</li>
 *   <li>{@code jdbc:h2:…} as H2 understands it.</li>
 *   <li>a plain file path, which names a local H2 database ({@code .mv.db} may be given or left out).</li>
 * </ul>
 * The password is taken out of the URL at once, so nothing downstream can print it.
 */
public final class DatabaseUrl {
    /** The login H2 files are created with when the URL names none. */
    static final String H2_DEFAULT_USER = "sa";
    /** What a folder's database file is suggested to be called, as the default one is. */
    private static final String DEFAULT_FILE_NAME = "taskdesk";

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):");
    private static final Pattern WINDOWS_DRIVE = Pattern.compile("^[A-Za-z]:[\\\\/].*");
    /** libpq parameter names that pgjdbc spells differently. */
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of(
            "channel_binding", "channelBinding",
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout",
            "target_session_attrs", "targetServerType");

    private final Path workingDirectory;
    private final Path userHome;

    public DatabaseUrl(Path workingDirectory, Path userHome) {
        this.workingDirectory = workingDirectory;
        this.userHome = userHome;
    }

    /** Parses {@code raw}; a malformed or unsupported value becomes a {@link TaskDeskException} naming the problem. */
    public DatabaseTarget parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty()) {
            throw bad(raw, "it is empty");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            return parsePostgresUri(text);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return parseJdbcPostgres(text);
        }
        if (lower.startsWith("jdbc:h2:")) {
            return parseJdbcH2(text);
        }
        Matcher scheme = SCHEME.matcher(text);
        if (scheme.find() && !WINDOWS_DRIVE.matcher(text).matches()) {
            throw new TaskDeskException(ErrorCode.BAD_CONFIGURATION, "Unsupported database URL '" + mask(text)
                    + "' (scheme '" + scheme.group(1) + "'): use postgresql://…, jdbc:postgresql://…, jdbc:h2:… "
                    + "or the path of a local database file.");
        }
        return h2File(text, raw);
    }

    /** The local H2 database in {@code file} (with or without {@code .mv.db}). */
    public static DatabaseTarget localFile(Path file) {
        Path base = withoutH2Suffix(file.toAbsolutePath().normalize());
        Path mvFile = Path.of(base + ".mv.db");
        // No H2 trace file beside the database: TaskDesk logs what matters itself.
        return new DatabaseTarget(DatabaseKind.H2, "jdbc:h2:file:" + base + ";TRACE_LEVEL_FILE=0", H2_DEFAULT_USER, "",
                mvFile.toString(),
                Optional.of(mvFile));
    }

    /** {@code raw} with any password replaced by {@code ***}, for messages about a URL we could not use. */
    public static String mask(String raw) {
        if (raw == null) {
            return "";
        }
        // Greedy up to the last "@": a stray "/" or "@" in an unencoded password must not leave part of it visible.
        String masked = raw.replaceAll("(?i)(://[^/@:?#]*:)[^@]*@", "$1***@");
        masked = masked.replaceAll("(?i)([?&;]password=)[^&;]*", "$1***");
        return masked;
    }

    private DatabaseTarget parsePostgresUri(String text) {
        int schemeEnd = text.indexOf("://") + 3;
        int pathStart = indexOfAny(text, schemeEnd, '/', '?');
        String authority = text.substring(schemeEnd, pathStart < 0 ? text.length() : pathStart);
        String rest = pathStart < 0 ? "" : text.substring(pathStart);

        String user = "";
        String password = "";
        String hostPart = authority;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            hostPart = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), text, "the user name");
            password = colon < 0 ? "" : decode(userInfo.substring(colon + 1), text, "the password");
        }
        if (hostPart.isEmpty()) {
            throw bad(text, "it names no host; write postgresql://user:password@host:5432/database");
        }
        validatePorts(hostPart, text);

        String database = "";
        String query = "";
        if (rest.startsWith("/")) {
            int q = rest.indexOf('?');
            database = decode(q < 0 ? rest.substring(1) : rest.substring(1, q), text, "the database name");
            query = q < 0 ? "" : rest.substring(q + 1);
        } else if (rest.startsWith("?")) {
            query = rest.substring(1);
        }
        if (database.contains("/")) {
            throw bad(text, "the database name '" + database + "' contains '/'");
        }

        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, String> parameter : parseQuery(query, text).entrySet()) {
            String name = parameter.getKey();
            switch (name) {
                case "user" -> user = parameter.getValue();
                case "password" -> password = parameter.getValue();
                default -> parameters.put(LIBPQ_TO_PGJDBC.getOrDefault(name, name), parameter.getValue());
            }
        }
        String jdbcUrl = "jdbc:postgresql://" + hostPart + "/" + encodePath(database) + toQuery(parameters);
        return new DatabaseTarget(DatabaseKind.POSTGRESQL, jdbcUrl, user, password,
                postgresDisplayName(user, hostPart, database), Optional.empty());
    }

    private DatabaseTarget parseJdbcPostgres(String text) {
        String body = text.substring("jdbc:postgresql:".length());
        if (!body.startsWith("//")) {
            // jdbc:postgresql:database means localhost:5432; keep pgjdbc's meaning.
            body = "//localhost/" + body;
        }
        int q = body.indexOf('?');
        String location = q < 0 ? body : body.substring(0, q);
        String query = q < 0 ? "" : body.substring(q + 1);
        String user = "";
        String password = "";
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, String> parameter : parseQuery(query, text).entrySet()) {
            switch (parameter.getKey()) {
                case "user" -> user = parameter.getValue();
                case "password" -> password = parameter.getValue();
                default -> parameters.put(parameter.getKey(), parameter.getValue());
            }
        }
        String hostAndDb = location.substring(2);
        int slash = hostAndDb.indexOf('/');
        String hostPart = slash < 0 ? hostAndDb : hostAndDb.substring(0, slash);
        String database = slash < 0 ? "" : hostAndDb.substring(slash + 1);
        if (hostPart.isEmpty()) {
            hostPart = "localhost";
        }
        validatePorts(hostPart, text);
        String jdbcUrl = "jdbc:postgresql://" + hostPart + "/" + database + toQuery(parameters);
        return new DatabaseTarget(DatabaseKind.POSTGRESQL, jdbcUrl, user, password,
                postgresDisplayName(user, hostPart, database), Optional.empty());
    }

    private DatabaseTarget parseJdbcH2(String text) {
        String body = text.substring("jdbc:h2:".length());
        String[] settings = body.split(";");
        String location = settings[0];
        String user = H2_DEFAULT_USER;
        String password = "";
        StringBuilder url = new StringBuilder("jdbc:h2:");
        Optional<Path> file = Optional.empty();
        String lowerLocation = location.toLowerCase(Locale.ROOT);
        if (location.isEmpty()) {
            throw bad(text, "it names no database after jdbc:h2:");
        }
        if (lowerLocation.startsWith("mem:") || lowerLocation.startsWith("tcp:") || lowerLocation.startsWith("ssl:")
                || lowerLocation.startsWith("zip:")) {
            url.append(location);
        } else {
            String path = lowerLocation.startsWith("file:") ? location.substring(5) : location;
            Path base = withoutH2Suffix(fileNotFolder(path, resolve(path, text), text));
            file = Optional.of(Path.of(base + ".mv.db"));
            url.append("file:").append(base);
        }
        for (int i = 1; i < settings.length; i++) {
            String setting = settings[i];
            if (setting.isBlank()) {
                continue;
            }
            int eq = setting.indexOf('=');
            String key = (eq < 0 ? setting : setting.substring(0, eq)).strip().toUpperCase(Locale.ROOT);
            String value = eq < 0 ? "" : setting.substring(eq + 1);
            switch (key) {
                case "USER" -> user = value;
                case "PASSWORD" -> password = value;
                default -> url.append(';').append(setting);
            }
        }
        String display = file.map(Path::toString).orElse(url.toString());
        return new DatabaseTarget(DatabaseKind.H2, url.toString(), user, password, display, file);
    }

    private DatabaseTarget h2File(String text, String raw) {
        if (text.indexOf(';') >= 0) {
            throw bad(raw, "a file path cannot contain ';'; for H2 settings write jdbc:h2:file:PATH;SETTING=VALUE");
        }
        return localFile(fileNotFolder(text, resolve(text, raw), raw));
    }

    /**
     * {@code resolved} when it can name a database file. A folder cannot: H2 would put the file beside it, named
     * after it ({@code ~} became {@code /root.mv.db}), which is never what the person meant. A path written as a
     * folder ({@code ~}, a trailing {@code /}) is refused, and so is an existing folder unless its database file
     * is already there (a database {@code tasks.mv.db} beside a folder {@code tasks} keeps working).
     */
    private static Path fileNotFolder(String typed, Path resolved, String raw) {
        String path = typed.strip();
        boolean writtenAsFolder = path.equals("~") || path.endsWith("/") || path.endsWith("\\")
                || path.equals(".") || path.equals("..") || path.endsWith("/.") || path.endsWith("/..");
        boolean existingFolder = Files.isDirectory(resolved)
                && !Files.exists(Path.of(withoutH2Suffix(resolved) + ".mv.db"));
        if (writtenAsFolder || existingFolder) {
            throw new TaskDeskException(ErrorCode.BAD_CONFIGURATION, "The database URL '" + mask(raw) + "' names the "
                    + "folder " + resolved + ", not a database file: name a file in it, e.g. "
                    + resolved.resolve(DEFAULT_FILE_NAME) + " (TaskDesk adds .mv.db).");
        }
        return resolved;
    }

    private Path resolve(String path, String raw) {
        try {
            String expanded = path.equals("~") ? userHome.toString()
                    : path.startsWith("~/") ? userHome.resolve(path.substring(2)).toString() : path;
            Path resolved = Path.of(expanded);
            return (resolved.isAbsolute() ? resolved : workingDirectory.resolve(resolved)).normalize();
        } catch (InvalidPathException e) {
            throw bad(raw, "'" + path + "' is not a valid file path (" + e.getReason() + ")");
        }
    }

    private static Path withoutH2Suffix(Path path) {
        String name = path.toString();
        for (String suffix : new String[] {".mv.db", ".h2.db"}) {
            if (name.endsWith(suffix)) {
                return Path.of(name.substring(0, name.length() - suffix.length()));
            }
        }
        return path;
    }

    private static void validatePorts(String hostPart, String raw) {
        for (String host : hostPart.split(",")) {
            int close = host.lastIndexOf(']');
            int colon = host.lastIndexOf(':');
            if (colon > close && colon >= 0) {
                String port = host.substring(colon + 1);
                if (!port.matches("\\d{1,5}") || Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535) {
                    throw bad(raw, "the port '" + port + "' is not a number from 1 to 65535");
                }
                if (colon == 0) {
                    throw bad(raw, "it names no host before the port");
                }
            }
        }
    }

    private static Map<String, String> parseQuery(String query, String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), raw, "a parameter name");
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), raw, "the parameter " + name);
            parameters.put(name, value);
        }
        return parameters;
    }

    private static String toQuery(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        StringJoiner joiner = new StringJoiner("&", "?", "");
        parameters.forEach((name, value) -> joiner.add(encode(name) + "=" + encode(value)));
        return joiner.toString();
    }

    private static String postgresDisplayName(String user, String hostPart, String database) {
        return "postgresql://" + (user.isEmpty() ? "" : user + "@") + hostPart + "/" + database;
    }

    private static String decode(String part, String raw, String what) {
        try {
            // URLDecoder would turn '+' into a space; in a URL's user, password or path '+' is itself.
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad(raw, what + " has a broken %-escape; write % as %25");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String database) {
        return encode(database);
    }

    private static int indexOfAny(String text, int from, char... characters) {
        for (int i = from; i < text.length(); i++) {
            for (char c : characters) {
                if (text.charAt(i) == c) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static TaskDeskException bad(String raw, String problem) {
        return new TaskDeskException(ErrorCode.BAD_CONFIGURATION,
                "Malformed database URL '" + mask(raw) + "': " + problem + ".");
    }
}
