package io.tandem.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void aSingleCharacterRepeatedIsRefused() {
        assertThat(Passwords.problem("aaaaaaaaaa", "dana")).isEqualTo("Use more than one character repeated.");
        assertThat(Passwords.problem("7777777777777", "dana")).isEqualTo("Use more than one character repeated.");
    }

    @Test
    void commonlyUsedPasswordsAreRefusedWhateverTheirCase() {
        for (String common : new String[] {"password123", "Password123", "qwertyuiop", "1234567890", "1q2w3e4r5t"}) {
            assertThat(Passwords.problem(common, "dana")).as(common)
                    .isEqualTo("That is one of the most commonly used passwords; choose another.");
        }
    }

    @Test
    void aLongUncommonPasswordIsAccepted() {
        assertThat(Passwords.problem("tandem rides on two wheels", "dana")).isNull();
        assertThat(Passwords.problem("a-much-better-one", "first-timer")).isNull();
    }

    @Test
    void theEarlierRulesStillHold() {
        assertThat(Passwords.problem("short", "dana")).isEqualTo("Use at least 10 characters.");
        assertThat(Passwords.problem("dana-is-my-name", "dana")).isEqualTo("The password may not contain the user name.");
    }
}
