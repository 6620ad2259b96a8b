package org.taskdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taskdesk.testing.TestPostgres;

/**
 * The commands start small: 'taskdesk db current' loads no JavaFX and no Hibernate (nor JPA) class, no time-zone
 * provider and no log file set-up. Run as the
 * program runs, in a child JVM on the default local database, with the JVM listing every class it loads.
 */
class CommandClassLoadingTest {
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source");
    private static final Pattern HEAVY = Pattern.compile("^(javafx\\.|com\\.sun\\.javafx\\.|com\\.sun\\.glass\\.|"
            + "com\\.sun\\.prism\\.|org\\.hibernate\\.|jakarta\\.persistence\\.|net\\.bytebuddy\\.).*");

    @TempDir
    Path folder;

    @Test
    void dbCurrentLoadsNoJavaFxAndNoHibernate() throws Exception {
        assertThat(run("db", "upgrade", "head").exitCode).isZero();

        Result current = run("-verbose:class", "db", "current");

        assertThat(current.exitCode).as(current.output).isZero();
        assertThat(current.output).contains("(head)");
        List<String> loaded = new ArrayList<>();
        Matcher matcher = LOADED.matcher(current.output);
        while (matcher.find()) {
            loaded.add(matcher.group(1));
        }
        assertThat(loaded).as("classes loaded").hasSizeGreaterThan(500).contains("org.taskdesk.app.Main", "org.h2.Driver");
        assertThat(loaded).filteredOn(name -> HEAVY.matcher(name).matches()).isEmpty();
    }

    /**
     * On a server, Alembic's case, it does not look up a time zone either (which loads ical4j's zone provider and
     * its zone database), nor set up the log file's pattern and rolling while nothing is logged (ADR 0035). (On a
     * local file H2's file lock writes a dated lock file, which looks the zone up.) Run with the program's own
     * logging set-up: the tests' logback-test.xml is left off the child's class path.
     */
    @Test
    void dbCurrentOnAServerLoadsNoZoneProviderAndNoLogFileSetUp() throws Exception {
        String server = TestPostgres.newDatabaseUrl();
        assertThat(run("--database-url", server, "db", "upgrade", "head").exitCode).isZero();

        Result current = run("-verbose:class", "--database-url", server, "db", "current");

        assertThat(current.exitCode).as(current.output).isZero();
        assertThat(current.output).contains("(head)");
        List<String> loaded = new ArrayList<>();
        Matcher matcher = LOADED.matcher(current.output);
        while (matcher.find()) {
            loaded.add(matcher.group(1));
        }
        assertThat(loaded).contains("org.taskdesk.app.Main", "org.taskdesk.app.LogConfigurator", "org.postgresql.Driver");
        assertThat(loaded).filteredOn(name -> name.startsWith("net.fortuna.ical4j.")
                || name.startsWith("ch.qos.logback.core.rolling.") || name.startsWith("ch.qos.logback.core.pattern.")
                || name.equals("ch.qos.logback.classic.PatternLayout")).isEmpty();
    }

    /**
     * {@code Main} in a child JVM with this test's classpath, less the test classes (whose logback-test.xml would
     * replace the program's logging set-up); a leading "-verbose:class" goes to the JVM.
     */
    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dtaskdesk.log.dir=" + folder.resolve("logs"), "-cp", programClassPath()));
        List<String> programArgs = new ArrayList<>(List.of(args));
        if (programArgs.get(0).equals("-verbose:class")) {
            command.add(programArgs.remove(0));
        }
        command.add("org.taskdesk.app.Main");
        command.addAll(programArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().put("XDG_DATA_HOME", folder.resolve("data").toString());
        builder.environment().put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        builder.environment().remove("DATABASE_URL");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static String programClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private record Result(int exitCode, String output) {
    }
}
