package org.taskdesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordsTest {
    @Test
    void theDecoyIsAWellFormedHashAtTheConfiguredCost() {
        for (int cost : new int[] {4, 5, 10}) {
            Passwords passwords = new Passwords(cost);
            assertThatCode(() -> passwords.matchNothing("any password")).doesNotThrowAnyException();
        }
    }

    @Test
    void theDecoyRunsTheFullKeyDerivationAndMatchesNothing() {
        // A malformed hash would fail fast, before bcrypt's work: the verifier must get as far as comparing digests.
        String decoySalt = "SfUFmPkDfzBF7onUrGBoM.C.017Dd4UaV7Y57zhL51QypLzz3e0f2";
        BCrypt.Result result = BCrypt.verifyer().verify("decoy password that matches nothing".getBytes(StandardCharsets.UTF_8),
                ("$2a$05$" + decoySalt).getBytes(StandardCharsets.UTF_8));
        assertThat(result.validFormat).isTrue();
        assertThat(result.verified).isFalse();
        assertThat(BCrypt.verifyer().verify("decoy password that matches nothing".getBytes(StandardCharsets.UTF_8),
                ("$2a$12$" + decoySalt).getBytes(StandardCharsets.UTF_8)).verified).as("the original hash").isTrue();
    }
}
