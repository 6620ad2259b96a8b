package org.taskdesk.persistence.secrets;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taskdesk.persistence.files.PrivateFolder;

/** Session tokens in an owner-only file of the data folder: for machines without a keyring. */
public final class FileTokenStore implements SessionTokenStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileTokenStore.class);

    private final Path file;

    public FileTokenStore(Path file) {
        this.file = file;
    }

    @Override
    public Optional<String> load(String database) {
        return Optional.ofNullable(read().getProperty(database));
    }

    @Override
    public void save(String database, String token) {
        Properties tokens = read();
        tokens.setProperty(database, token);
        write(tokens);
    }

    @Override
    public void forget(String database) {
        Properties tokens = read();
        if (tokens.remove(database) != null) {
            write(tokens);
        }
    }

    private Properties read() {
        Properties tokens = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                tokens.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Ignoring the unreadable session file {}", file, e);
            }
        }
        return tokens;
    }

    private void write(Properties tokens) {
        try {
            PrivateFolder.writeProperties(file, tokens, "TaskDesk remembered sessions: tokens, never passwords");
        } catch (IOException e) {
            // Not remembering a session is an inconvenience, not a failure: the person signs in next time.
            LOG.warn("Could not save the remembered session to {}", file, e);
        }
    }
}
