package org.taskdesk.persistence.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
    @TempDir
    Path folder;

    @Test
    void theFileStoreKeepsOneTokenPerDatabaseInAnOwnerOnlyFile() throws Exception {
        Path file = folder.resolve("data/taskdesk/remembered-sessions.properties");
        FileTokenStore store = new FileTokenStore(file);

        store.save("/home/ann/tasks.mv.db", "token-a");
        store.save("postgresql://client@host/db", "token-b");

        assertThat(new FileTokenStore(file).load("/home/ann/tasks.mv.db")).contains("token-a");
        assertThat(store.load("postgresql://client@host/db")).contains("token-b");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        store.forget("/home/ann/tasks.mv.db");
        assertThat(store.load("/home/ann/tasks.mv.db")).isEmpty();
        assertThat(store.load("postgresql://client@host/db")).contains("token-b");
        assertThat(Files.readString(file)).doesNotContain("token-a");
    }

    @Test
    void theSettingsFileIsOwnerOnlyEvenInAFolderOthersCanRead() throws Exception {
        Path config = folder.resolve("config");
        Files.createDirectories(config);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = config.resolve("settings.properties");

        new org.taskdesk.persistence.settings.SettingsFile(file).put("database.url", "postgresql://c:secret@h/db");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new org.taskdesk.persistence.settings.SettingsFile(file).get("database.url"))
                .contains("postgresql://c:secret@h/db");
        try (var left = Files.list(config)) {
            assertThat(left).as("no partial file left behind").containsExactly(file);
        }
    }

    @Test
    void theKeyringStoreFindsATokenThatWentToTheFile() {
        FileTokenStore file = new FileTokenStore(folder.resolve("sessions.properties"));
        file.save("db", "from-the-file");

        // Whatever keyring this machine has (often none in CI), a token kept in the file is found and forgotten.
        KeyringTokenStore store = new KeyringTokenStore(file);
        assertThat(store.load("db")).contains("from-the-file");
        store.forget("db");
        assertThat(store.load("db")).isEmpty();
    }
}
