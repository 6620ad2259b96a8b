package org.taskdesk.persistence.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskdesk.persistence.server.SharedServer.hash;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sign-in functions check with pgcrypto's crypt() the $2a$ hashes that Java's bcrypt made at sign-up. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgcryptoBcryptTest {
    /** Nine pairs of 4-byte emoji: exactly bcrypt's 72-byte limit. */
    private static final String EMOJI_72_BYTES = "🔑🐘🔑🐘🔑🐘🔑🐘🔑🐘🔑🐘🔑🐘🔑🐘🔑🐘";

    private final SharedServer server = new SharedServer();
    private Connection owner;

    @BeforeAll
    void migratedDatabase() throws SQLException {
        owner = server.owner(server.newDatabase());
    }

    @AfterAll
    void dropEverything() throws SQLException {
        server.close();
    }

    @Test
    void theTestPasswordsAreWhatTheyClaim() {
        assertThat(EMOJI_72_BYTES.getBytes(StandardCharsets.UTF_8)).hasSize(72);
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "ünïcødé pässwörd", "🦆🦆🦆🦆 emoji", EMOJI_72_BYTES,
        "123456789012345678901234567890123456789012345678901234567890123456789012",
        "quotes ' \" and \\ backslash"})
    void cryptVerifiesJavaMade2aHashes(String password) throws SQLException {
        String hash = hash(password, 6);

        assertThat(verifies(password, hash)).isTrue();
        assertThat(verifies(password + "!", hash)).as("bcrypt itself ignores bytes after the 72nd: why sign-in refuses longer passwords")
                .isEqualTo(password.getBytes(StandardCharsets.UTF_8).length >= 72);
        assertThat(verifies(password.substring(0, password.length() - 1), hash)).isFalse();
    }

    @Test
    void cryptDoesNotVerify2bHashesWhichIsWhySignUpRefusesThem() throws SQLException {
        String hash2b = BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(4, "password".toCharArray());

        assertThat(verifies("password", hash2b)).isFalse();
    }

    private boolean verifies(String password, String hash) throws SQLException {
        try (PreparedStatement statement = owner.prepareStatement("SELECT public.crypt(?, ?) = ?")) {
            statement.setString(1, password);
            statement.setString(2, hash);
            statement.setString(3, hash);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
