package org.taskdesk.app;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * JavaFX's own messages go to TaskDesk's log file instead of the terminal. JavaFX logs through
 * {@code java.util.logging}, whose default handler prints to standard error, and from a class path (the jar, the
 * packaged app) it warns at every start: "Unsupported JavaFX configuration: classes were loaded from 'unnamed module
 * …'". The warning is harmless here (the jar carries the JavaFX it was built and tested with), but people saw it in
 * their terminal at every start. SLF4J's bridge takes the place of that handler, so anything logged through
 * {@code java.util.logging} lands in the log file like everything else.
 *
 * <p>Loading JavaFX as modules instead was weighed: the shaded jar holds JavaFX's classes, so the packaged app would
 * need JavaFX's jars apart on a module path, a launcher and a class-data archive made for that layout, and the same
 * again for {@code java -jar}. Far more than one misplaced line is worth.
 */
final class JavaFxLogging {
    private JavaFxLogging() {
    }

    /** From now on, messages logged through java.util.logging go to the log file only. Call before JavaFX starts. */
    static void intoLogFile() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
