package org.taskdesk.persistence.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the files directly inside classpath folders, whether they sit in a directory (tests) or a jar (the app).
 * A jar is read once for all the folders asked about: listing a folder means walking every entry of the jar
 * (26,000 in the app's), which costs tens of milliseconds each time, at every start.
 */
final class ClasspathFolder {
    private ClasspathFolder() {
    }

    /** The file names in each of {@code folders}, keyed by folder in the order given. */
    static Map<String, List<String>> fileNames(ClassLoader loader, List<String> folders) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<URL, JarFolders> jars = new LinkedHashMap<>();
        try {
            for (String folder : folders) {
                List<String> found = names.computeIfAbsent(folder, f -> new ArrayList<>());
                Enumeration<URL> urls = loader.getResources(folder);
                while (urls.hasMoreElements()) {
                    URL url = urls.nextElement();
                    if (url.getProtocol().equals("file")) {
                        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                            files.filter(Files::isRegularFile).forEach(file -> found.add(file.getFileName().toString()));
                        }
                    } else if (url.getProtocol().equals("jar")) {
                        JarURLConnection connection = (JarURLConnection) url.openConnection();
                        jars.computeIfAbsent(connection.getJarFileURL(), jar -> new JarFolders(connection))
                                .folders.add(folder);
                    }
                }
            }
            for (JarFolders jar : jars.values()) {
                jar.list(names);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folders + " on the classpath", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list " + folders + " on the classpath", e);
        }
        return names;
    }

    /** One jar and the folders to list in it. */
    private static final class JarFolders {
        private final JarURLConnection connection;
        private final List<String> folders = new ArrayList<>();

        JarFolders(JarURLConnection connection) {
            this.connection = connection;
        }

        void list(Map<String, List<String>> names) throws IOException {
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String name = entries.nextElement().getName();
                    for (String folder : folders) {
                        String prefix = folder.endsWith("/") ? folder : folder + "/";
                        if (name.startsWith(prefix) && name.length() > prefix.length()
                                && name.indexOf('/', prefix.length()) < 0) {
                            names.get(folder).add(name.substring(prefix.length()));
                        }
                    }
                }
            }
        }
    }
}
