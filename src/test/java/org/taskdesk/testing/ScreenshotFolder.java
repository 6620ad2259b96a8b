package org.taskdesk.testing;

import java.nio.file.Path;

/**
 * Where the screenshot tests write their pictures: {@code target/screenshots} during the build, so that running the
 * tests never changes the repository; the README's pictures in {@code docs/screenshots} are refreshed on purpose with
 * {@code docs/screenshots/refresh.sh}, which sets {@code taskdesk.screenshots}.
 */
public final class ScreenshotFolder {
    public static final String PROPERTY = "taskdesk.screenshots";

    private ScreenshotFolder() {
    }

    public static Path get() {
        return Path.of(System.getProperty(PROPERTY, "target/screenshots"));
    }
}
