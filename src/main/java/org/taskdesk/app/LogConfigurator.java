package org.taskdesk.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.FileSize;

/**
 * TaskDesk's logging set-up, in code: found by logback as a service, it replaces the logback.xml that took a tenth
 * of a second of every start to parse (an XML parser, Joran's model and its reflection). Everything goes to
 * {@code logs/taskdesk.log} in the data folder ({@link Logs} sets the folder before the first logger), rolled at
 * 5 MB with three old files kept; Hibernate says only warnings.
 *
 * <p>A configuration file chosen by hand ({@code -Dlogback.configurationFile}) or the tests' logback-test.xml still
 * wins: then this steps aside and logback reads that file as usual.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";

    public LogConfigurator() {
        // found by logback's ServiceLoader
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        logTo(context, System.getProperty(Logs.DIRECTORY_PROPERTY, System.getProperty("java.io.tmpdir") + "/taskdesk-logs"));
        // With a status listener of its own (logback's silent one; the statuses stay in the context), logback skips
        // printing its set-up's warnings, whose printer looks up the time zone as it loads, and with it ical4j's zone
        // provider and database, for every command (ADR 0035). This set-up is code: it has none to print, and the
        // file's own troubles come at the first event, after that check.
        context.getStatusManager().add(new NopStatusListener());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * What logback.xml said: a rolling file in {@code folder}, INFO and up, Hibernate and HikariCP WARN. The file, its
     * rolling and its pattern are made at the first event: a command that logs nothing ({@code db current}) neither
     * compiles the pattern nor opens the file (ADR 0035).
     */
    static void logTo(LoggerContext context, String folder) {
        FileOnFirstEvent file = new FileOnFirstEvent(folder);
        file.setContext(context);
        file.setName("FILE");
        file.start();

        context.getLogger("org.hibernate").setLevel(Level.WARN);
        context.getLogger("org.flywaydb").setLevel(Level.INFO);
        context.getLogger("com.zaxxer").setLevel(Level.WARN);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
    }

    /**
     * The rolling file with its pattern, as logback.xml described it; a class of its own, so that its logback classes
     * are loaded (to verify it) only when the first event comes.
     */
    static final class LogFile {
        private LogFile() {
        }

        static RollingFileAppender<ILoggingEvent> open(Context context, String folder) {
            RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
            file.setContext(context);
            file.setName("FILE");
            file.setFile(folder + "/taskdesk.log");

            FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
            rolling.setContext(context);
            rolling.setParent(file);
            rolling.setFileNamePattern(folder + "/taskdesk.%i.log");
            rolling.setMinIndex(1);
            rolling.setMaxIndex(3);
            rolling.start();
            file.setRollingPolicy(rolling);

            SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
            trigger.setContext(context);
            trigger.setMaxFileSize(FileSize.valueOf("5MB"));
            trigger.start();
            file.setTriggeringPolicy(trigger);

            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern(PATTERN);
            encoder.start();
            file.setEncoder(encoder);
            file.start();
            return file;
        }
    }

    /** Hands every event to the rolling file, which it makes at the first one (logback calls it one event at a time). */
    static final class FileOnFirstEvent extends AppenderBase<ILoggingEvent> {
        private final String folder;
        private RollingFileAppender<ILoggingEvent> file;

        FileOnFirstEvent(String folder) {
            this.folder = folder;
        }

        @Override
        protected void append(ILoggingEvent event) {
            if (file == null) {
                file = LogFile.open(getContext(), folder);
            }
            file.doAppend(event);
        }

        @Override
        public void stop() {
            if (file != null) {
                file.stop();
            }
            super.stop();
        }
    }
}
