package io.crossbook.server.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Venue;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {
    private static final String SECRET = TestKeys.BINANCE.secret();

    private final CredentialCipher cipher = cipher(TestKeys.MASTER_KEY);

    @Test
    void decryptsWhatItEncrypted() {
        String stored = cipher.encrypt(Venue.BINANCE, "secret", SECRET);

        assertThat(cipher.decrypt(Venue.BINANCE, "secret", stored)).isEqualTo(SECRET);
        assertThat(cipher(TestKeys.MASTER_KEY).decrypt(Venue.BINANCE, "secret", stored)).isEqualTo(SECRET);
    }

    @Test
    void theStoredFormIsNonceCiphertextAndTagWithNothingOfThePlaintext() {
        String stored = cipher.encrypt(Venue.BINANCE, "secret", SECRET);

        byte[] bytes = Base64.getDecoder().decode(stored);
        assertThat(bytes).hasSize(12 + SECRET.getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET).doesNotContain("SECRET");
        assertThat(stored).doesNotContain("SECRET");
    }

    @Test
    void everyValueGetsItsOwnNonce() {
        String first = cipher.encrypt(Venue.BINANCE, "secret", SECRET);
        String second = cipher.encrypt(Venue.BINANCE, "secret", SECRET);

        assertThat(first).isNotEqualTo(second);
        assertThat(Base64.getDecoder().decode(first)).startsWith(nonceOf(first)).isNotEqualTo(Base64.getDecoder().decode(second));
        assertThat(nonceOf(first)).isNotEqualTo(nonceOf(second));
    }

    @Test
    void anyFlippedBitIsDetected() {
        byte[] bytes = Base64.getDecoder().decode(cipher.encrypt(Venue.BINANCE, "secret", SECRET));
        for (int bit = 0; bit < bytes.length * 8; bit += 7) {
            byte[] tampered = bytes.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            String altered = Base64.getEncoder().encodeToString(tampered);

            assertThatThrownBy(() -> cipher.decrypt(Venue.BINANCE, "secret", altered))
                    .as("bit %d", bit)
                    .isInstanceOf(UndecryptableCredentialsException.class)
                    .hasMessageContaining("binance secret fails its integrity check");
        }
    }

    @Test
    void aCiphertextOfOneExchangeOrFieldDoesNotDecryptAsAnother() {
        String stored = cipher.encrypt(Venue.BINANCE, "secret", SECRET);

        assertThatThrownBy(() -> cipher.decrypt(Venue.BYBIT, "secret", stored))
                .isInstanceOf(UndecryptableCredentialsException.class)
                .hasMessageContaining("bybit secret fails its integrity check");
        assertThatThrownBy(() -> cipher.decrypt(Venue.BINANCE, "apiKey", stored))
                .isInstanceOf(UndecryptableCredentialsException.class);
    }

    @Test
    void anotherMasterKeyCannotDecrypt() {
        String stored = cipher.encrypt(Venue.OKX, "passphrase", TestKeys.OKX.passphrase());

        assertThatThrownBy(() -> cipher(TestKeys.OTHER_MASTER_KEY).decrypt(Venue.OKX, "passphrase", stored))
                .isInstanceOf(UndecryptableCredentialsException.class)
                .hasMessage("the stored okx passphrase fails its integrity check: it was encrypted with another master key,"
                        + " or for another exchange or field, or altered since");
    }

    @Test
    void truncatedOrGarbledDataIsDetected() {
        assertThatThrownBy(() -> cipher.decrypt(Venue.BINANCE, "secret", "AAAA"))
                .isInstanceOf(UndecryptableCredentialsException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> cipher.decrypt(Venue.BINANCE, "secret", "not base64!"))
                .isInstanceOf(UndecryptableCredentialsException.class).hasMessageContaining("not base64");
    }

    private static byte[] nonceOf(String stored) {
        return java.util.Arrays.copyOf(Base64.getDecoder().decode(stored), 12);
    }

    private static CredentialCipher cipher(String masterKey) {
        return new CredentialCipher(MasterKey.parse(masterKey).orElseThrow(), new SecureRandom());
    }
}
