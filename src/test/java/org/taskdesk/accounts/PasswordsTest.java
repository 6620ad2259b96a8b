package org.taskdesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.IllegalBCryptFormatException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordsTest {
    /**
     * An unknown email must cost as much as a wrong password: the decoy must be a hash that bcrypt accepts and works
     * through at the configured cost (a malformed one would be rejected before any work), and must match nothing.
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 5, 10})
    void theDecoyIsAWellFormedHashAtTheConfiguredCostThatMatchesNoPassword(int cost) throws IllegalBCryptFormatException {
        Passwords passwords = new Passwords(cost);
        byte[] decoy = passwords.decoyHash().getBytes(StandardCharsets.UTF_8);

        BCrypt.HashData parsed = BCrypt.Version.VERSION_2A.parser.parse(decoy);
        assertThat(parsed.cost).isEqualTo(cost);
        assertThat(parsed.version).isEqualTo(BCrypt.Version.VERSION_2A);
        for (String guess : new String[] {"", "any password", "correct horse battery staple", "decoy"}) {
            BCrypt.Result result = BCrypt.verifyer().verify(guess.getBytes(StandardCharsets.UTF_8), decoy);
            assertThat(result.validFormat).as("bcrypt works through the decoy for %s", guess).isTrue();
            assertThat(result.verified).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 6})
    void aHashMatchesItsPasswordOnlyAndCarriesTheConfiguredCost(int cost) throws IllegalBCryptFormatException {
        Passwords passwords = new Passwords(cost);
        String hash = passwords.hash("correct horse battery");

        assertThat(hash).startsWith("$2a$");
        assertThat(BCrypt.Version.VERSION_2A.parser.parse(hash.getBytes(StandardCharsets.UTF_8)).cost).isEqualTo(cost);
        assertThat(passwords.matches("correct horse battery", hash)).isTrue();
        assertThat(passwords.matches("correct horse batterY", hash)).isFalse();
    }
}
