package org.taskdesk.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of taskdesk's subcommands one command line needs. Picocli builds a model of every subcommand it is given,
 * by reflection over all their annotations, before it parses anything: a tenth of a second for all four, paid by
 * every command and by the window. So a command line gets only the subcommand it names; the window (no command)
 * none; and all of them whatever else it says (help, version, a typo, an argument file), so that the help lists
 * them and an unknown name gets picocli's usual answer.
 */
final class Subcommands {
    /** In the order the help lists them. */
    static final Map<String, Class<?>> ALL = orderedMap();
    private static final Set<String> ROOT_FLAGS = Set.of("-v", "--verbose");
    private static final String DATABASE_URL = "--database-url";

    private Subcommands() {
    }

    private static Map<String, Class<?>> orderedMap() {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("db", DbCommand.class);
        all.put("account", AccountCommand.class);
        all.put("tasks", TasksCommand.class);
        all.put("login", LoginCommand.class);
        all.put("logout", LogoutCommand.class);
        all.put("server", ServerCommand.class);
        all.put("sync", SyncCommand.class);
        return Collections.unmodifiableMap(all);
    }

    static List<Class<?>> neededFor(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals(DATABASE_URL)) {
                i++; // its value
            } else if (!arg.startsWith(DATABASE_URL + "=") && !ROOT_FLAGS.contains(arg)) {
                Class<?> named = ALL.get(arg);
                return named != null ? List.of(named) : List.copyOf(ALL.values());
            }
        }
        return List.of(); // only the root's own options: the window
    }
}
