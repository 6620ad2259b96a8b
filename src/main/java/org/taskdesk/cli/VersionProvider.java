package org.taskdesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven stamped into {@code taskdesk-version.properties} at build time. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"TaskDesk " + version()};
    }

    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream("taskdesk-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
