package org.taskdesk.persistence.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Lists the files directly inside a classpath folder, whether it sits in a directory (tests) or a jar (the app). */
final class ClasspathFolder {
    private ClasspathFolder() {
    }

    static List<String> fileNames(ClassLoader loader, String folder) {
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources(folder);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if (url.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.filter(Files::isRegularFile).forEach(file -> names.add(file.getFileName().toString()));
                    }
                } else if (url.getProtocol().equals("jar")) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        String prefix = folder.endsWith("/") ? folder : folder + "/";
                        Enumeration<JarEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            String name = entries.nextElement().getName();
                            if (name.startsWith(prefix) && name.length() > prefix.length()
                                    && name.indexOf('/', prefix.length()) < 0) {
                                names.add(name.substring(prefix.length()));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder + " on the classpath", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list " + folder + " on the classpath", e);
        }
        return names;
    }
}
