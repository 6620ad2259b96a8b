package org.taskdesk.app;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JavaFX's own messages go to TaskDesk's log file instead of the terminal. JavaFX logs through
 * {@code java.util.logging} (logger {@code javafx} and those below it), whose default handler prints to standard
 * error, and from a class path (the jar, the packaged app) it warns at every start: "Unsupported JavaFX
 * configuration: classes were loaded from 'unnamed module …'". The warning is harmless here (the jar carries the
 * JavaFX it was built and tested with), but people saw it in their terminal at every start.
 *
 * <p>Loading JavaFX as modules instead was weighed: the shaded jar holds JavaFX's classes, so the packaged app would
 * need JavaFX's jars apart on a module path, a launcher and a class-data archive made for that layout, and the same
 * again for {@code java -jar}. Far more than one misplaced line is worth.
 */
final class JavaFxLogging {
    /** Held here: java.util.logging keeps loggers only weakly, and a new one would print to the terminal again. */
    private static final java.util.logging.Logger JAVAFX = java.util.logging.Logger.getLogger("javafx");

    private JavaFxLogging() {
    }

    /** From now on, JavaFX's messages go to the log file only. Call before JavaFX starts; calling again does nothing. */
    static void intoLogFile() {
        synchronized (JAVAFX) {
            for (Handler handler : JAVAFX.getHandlers()) {
                if (handler instanceof ToLogFile) {
                    return;
                }
            }
            JAVAFX.addHandler(new ToLogFile());
            JAVAFX.setUseParentHandlers(false);
        }
    }

    /** Hands each record to SLF4J's logger {@code javafx}, at the matching level. */
    private static final class ToLogFile extends Handler {
        private static final Logger LOG = LoggerFactory.getLogger("javafx");
        private final Formatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            String message = formatter.formatMessage(record);
            Throwable thrown = record.getThrown();
            int level = record.getLevel().intValue();
            if (level >= Level.SEVERE.intValue()) {
                LOG.error(message, thrown);
            } else if (level >= Level.WARNING.intValue()) {
                LOG.warn(message, thrown);
            } else if (level >= Level.INFO.intValue()) {
                LOG.info(message, thrown);
            } else {
                LOG.debug(message, thrown);
            }
        }

        @Override
        public void flush() {
            // SLF4J's appenders flush themselves
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
