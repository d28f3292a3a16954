package io.crossbook.server.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

    @Test
    void isTheBase64Of32Bytes() {
        MasterKey key = MasterKey.parse(TestKeys.MASTER_KEY).orElseThrow();

        assertThat(key.secretKey().getEncoded()).isEqualTo(Base64.getDecoder().decode(TestKeys.MASTER_KEY));
        assertThat(key.secretKey().getAlgorithm()).isEqualTo("AES");
    }

    @Test
    void paddingAndSurroundingWhitespaceAreOptional() {
        assertThat(MasterKey.parse(" " + TestKeys.MASTER_KEY.replace("=", "") + "\n").orElseThrow().id())
                .isEqualTo(MasterKey.parse(TestKeys.MASTER_KEY).orElseThrow().id());
    }

    @Test
    void noneConfiguredIsNoKey() {
        assertThat(MasterKey.parse(null)).isEmpty();
        assertThat(MasterKey.parse("  ")).isEmpty();
    }

    @Test
    void somethingThatIsNotBase64IsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> MasterKey.parse("not*base64*my-precious"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CROSSBOOK_MASTER_KEY is not valid base64")
                .hasMessageContaining("openssl rand -base64 32")
                .message().doesNotContain("my-precious");
    }

    @Test
    void aKeyOfAnotherLengthIsRefused() {
        String sixteenBytes = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKey.parse(sixteenBytes))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("CROSSBOOK_MASTER_KEY decodes to 16 bytes; AES-256 needs exactly 32: generate one with: openssl rand -base64 32");
    }

    @Test
    void theIdTellsKeysApartAndRevealsNothing() {
        MasterKey key = MasterKey.parse(TestKeys.MASTER_KEY).orElseThrow();
        MasterKey other = MasterKey.parse(TestKeys.OTHER_MASTER_KEY).orElseThrow();

        assertThat(key.id()).hasSize(16).isNotEqualTo(other.id()).isEqualTo(MasterKey.parse(TestKeys.MASTER_KEY).orElseThrow().id());
        assertThat(key.toString()).isEqualTo("MasterKey[id=" + key.id() + "]");
    }
}
