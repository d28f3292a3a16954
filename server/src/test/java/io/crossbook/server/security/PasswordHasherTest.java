package io.crossbook.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void hashesWithBcryptAndASaltOfItsOwn() {
        String first = hasher.hash("correct horse battery staple");
        String second = hasher.hash("correct horse battery staple");

        assertThat(first).startsWith("$2a$04$").doesNotContain("correct horse").isNotEqualTo(second);
        assertThat(hasher.matches("correct horse battery staple", first)).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", first)).isFalse();
    }

    @Test
    void passwordsNeedTwelveCharactersAndAtMost72Bytes() {
        assertThat(PasswordHasher.problem(null)).contains("must not be blank");
        assertThat(PasswordHasher.problem("            ")).contains("must not be blank");
        assertThat(PasswordHasher.problem("elevenchars")).contains("must be at least 12 characters");
        assertThat(PasswordHasher.problem("twelve chars")).isEmpty();
        assertThat(PasswordHasher.problem("x".repeat(72))).isEmpty();
        assertThat(PasswordHasher.problem("x".repeat(73))).contains("must be at most 72 bytes (UTF-8)");
        assertThat(PasswordHasher.problem("é".repeat(37))).contains("must be at most 72 bytes (UTF-8)");
        assertThatThrownBy(() -> hasher.hash("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("password must be at least 12 characters");
    }

    @Test
    void aPasswordLongerThanBcryptReadsNeverMatches() {
        String hash = hasher.hash("x".repeat(72));

        assertThat(hasher.matches("x".repeat(73), hash)).isFalse();
        assertThat(hasher.matches("x".repeat(72), hash)).isTrue();
    }
}
