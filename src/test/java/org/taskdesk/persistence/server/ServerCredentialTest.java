package org.taskdesk.persistence.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** What a device keeps of a sign-in on a shared server (ADR 30): read back as written, never shown. */
class ServerCredentialTest {
    private static final String TOKEN = "ab".repeat(32);

    @Test
    void aTokenWithItsLoginIsReadBackAsWritten() {
        ServerCredential kept = new ServerCredential(TOKEN, "td_16384_0123456789abcdef01234567", "cd".repeat(32));
        ServerCredential read = ServerCredential.read(kept.stored());
        assertThat(read).isEqualTo(kept);
        assertThat(read.ownLogin()).contains("td_16384_0123456789abcdef01234567");
    }

    @Test
    void aBareTokenKeptBeforeV14HasNoLogin() {
        ServerCredential read = ServerCredential.read(TOKEN);
        assertThat(read.token()).isEqualTo(TOKEN);
        assertThat(read.ownLogin()).isEmpty();
        assertThat(read.stored()).isEqualTo(TOKEN);
    }

    @Test
    void neitherTheTokenNorThePasswordIsShown() {
        String password = "cd".repeat(32);
        ServerCredential kept = new ServerCredential(TOKEN, "td_1_login", password);
        assertThat(kept.toString()).doesNotContain(TOKEN).doesNotContain(password).doesNotContain("td_1_login");
    }

    @Test
    void newPasswordsAreRandomHex() {
        String first = ServerCredential.newPassword();
        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(ServerCredential.newPassword()).isNotEqualTo(first);
    }

    @Test
    void aLoginWithoutItsPasswordIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ServerCredential(TOKEN, "td_1_login", null));
        assertThrows(IllegalArgumentException.class, () -> new ServerCredential("a b", null, null));
    }
}
