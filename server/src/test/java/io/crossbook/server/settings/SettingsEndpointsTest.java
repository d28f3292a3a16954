package io.crossbook.server.settings;

import static io.crossbook.server.settings.Responses.error;
import static io.crossbook.server.settings.Responses.ok;
import static io.crossbook.server.settings.Responses.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.crossbook.core.model.Venue;
import io.crossbook.store.credentials.CredentialRepository;
import io.crossbook.store.credentials.StoredCredentials;
import io.crossbook.venues.common.ApiCredentials;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** GET, PUT and DELETE /api/settings/api and POST /api/settings/api/test, against a local stand-in for the exchanges. */
@SettingsServerTest
@ExtendWith(OutputCaptureExtension.class)
class SettingsEndpointsTest {
    private static final ExchangeStandIn EXCHANGES = ExchangeStandIn.start(
            Map.of(Venue.BINANCE, TestKeys.BINANCE, Venue.BYBIT, TestKeys.BYBIT, Venue.OKX, TestKeys.OKX));

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CredentialRepository repository;

    @DynamicPropertySource
    static void exchanges(DynamicPropertyRegistry registry) {
        for (Venue venue : Venue.values()) {
            registry.add("crossbook.trading.endpoints." + venue.id(), () -> EXCHANGES.uri().toString());
        }
    }

    @AfterAll
    static void stopExchanges() {
        EXCHANGES.close();
    }

    @BeforeEach
    void noStoredKeys() {
        for (Venue venue : Venue.values()) {
            mvc.delete().uri("/api/settings/api/" + venue.id()).with(csrf()).exchange();
        }
    }

    @Test
    void withoutKeysNoExchangeIsConfiguredOrConnected() {
        String body = ok(mvc.get().uri("/api/settings/api").exchange());

        assertThat(read(body, "$.data").toString()).isEqualTo(
                "{binance={connected=false, configured=false, source=none}, bybit={connected=false, configured=false, source=none},"
                        + " okx={connected=false, configured=false, source=none}}");
    }

    @Test
    void storesKeysEncryptedAndShowsOnlyTheMaskedKey(CapturedOutput output) {
        String body = ok(put(keysJson(TestKeys.BINANCE, null, TestKeys.OKX)));

        assertThat(read(body, "$.data.binance").toString()).contains("connected=false", "configured=true", "source=stored",
                "keyId=Bina****ghij", "storedBy=ops");
        assertThat(read(body, "$.data.okx.keyId").toString()).isEqualTo("okx-****4567");
        assertThat(read(body, "$.data.bybit.source").toString()).isEqualTo("none");
        assertThat(read(body, "$.data.binance.storedAt").toString()).matches("\\d{13}");
        Map<String, Object> row = jdbc.sql("SELECT * FROM exchange_credentials WHERE venue = 'okx'").query().singleRow();
        assertThat(row).containsEntry("masked_api_key", "okx-****4567").containsEntry("updated_by", "ops");
        assertThat(row.values().toString()).doesNotContain(TestKeys.OKX.secret(), TestKeys.OKX.passphrase(), TestKeys.OKX.apiKey());
        assertThat(output).contains("exchange keys stored: exchange=binance key=Bina****ghij by=ops at=")
                .contains("exchange keys stored: exchange=okx key=okx-****4567 by=ops at=");
        assertNoSecretIn(body, output.getAll());
    }

    @Test
    void aKeyTestMakesASignedAccountCallAndConnectedFollowsItsOutcome(CapturedOutput output) {
        put(keysJson(TestKeys.BINANCE, TestKeys.BYBIT, TestKeys.OKX));

        String tested = ok(mvc.post().uri("/api/settings/api/test").with(csrf()).exchange());

        for (String exchange : List.of("binance", "bybit", "okx")) {
            assertThat(read(tested, "$.data." + exchange + ".ok").toString()).as(exchange).isEqualTo("true");
        }
        assertThat(read(tested, "$.data.binance.message").toString())
                .isEqualTo("signed read-only account call succeeded: 2 assets with a balance");
        String status = ok(mvc.get().uri("/api/settings/api").exchange());
        assertThat(read(status, "$.data.okx.connected").toString()).isEqualTo("true");
        assertThat(read(status, "$.data.okx.lastTest.ok").toString()).isEqualTo("true");

        put(keysJson(TestKeys.UNKNOWN, null, null));
        String changed = ok(mvc.get().uri("/api/settings/api").exchange());
        assertThat(read(changed, "$.data.binance").toString()).contains("connected=false").doesNotContain("lastTest");
        assertThat(read(changed, "$.data.okx.connected").toString()).isEqualTo("true");

        String refused = ok(test("{\"exchange\":\"binance\"}"));
        assertThat(read(refused, "$.data").toString()).doesNotContain("okx");
        assertThat(read(refused, "$.data.binance.ok").toString()).isEqualTo("false");
        assertThat(read(refused, "$.data.binance.code").toString()).isEqualTo("UPSTREAM_ERROR");
        assertThat(read(refused, "$.data.binance.message").toString())
                .isEqualTo("binance refused the request (HTTP 401, code -2015): Invalid API-key, IP, or permissions for action.");
        assertThat(read(ok(mvc.get().uri("/api/settings/api").exchange()), "$.data.binance.lastTest.code").toString())
                .isEqualTo("UPSTREAM_ERROR");
        assertNoSecretIn(tested + status + changed + refused, output.getAll());
    }

    @Test
    void exchangesRefusalsAreReportedWithTheirOwnCodesAndMessagesAndNoKey(CapturedOutput output) {
        put(keysJson(null, ApiCredentials.of(TestKeys.BYBIT.apiKey(), TestKeys.UNKNOWN.secret()),
                new ApiCredentials(TestKeys.OKX.apiKey(), TestKeys.OKX.secret(), "wrong-passphrase")));

        String body = ok(mvc.post().uri("/api/settings/api/test").with(csrf()).exchange());

        assertThat(read(body, "$.data.bybit.code").toString()).isEqualTo("UPSTREAM_ERROR");
        assertThat(read(body, "$.data.bybit.message").toString())
                .startsWith("bybit refused the request (HTTP 401, code 10004): error sign! origin_string[")
                .contains(TestKeys.BYBIT.maskedApiKey());
        assertThat(read(body, "$.data.okx.message").toString())
                .isEqualTo("okx refused the request (HTTP 401, code 50105): OK-ACCESS-PASSPHRASE incorrect.");
        assertNoSecretIn(body, output.getAll());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "an unknown exchange | {\"kraken\":{\"apiKey\":\"KrakenKey012345\",\"secret\":\"KrakenSecret0123\"}}"
                    + " | kraken: unknown field (expected one of binance, bybit, okx)",
            "a missing secret | {\"binance\":{\"apiKey\":\"BinanceTestKey0123456789abcdefghij\"}}"
                    + " | binance.secret: must be 8 to 256 printable characters without spaces",
            "a blank key | {\"bybit\":{\"apiKey\":\"  \",\"secret\":\"bybit-SECRET-never-shown-0123456789\"}}"
                    + " | bybit.apiKey: must be 8 to 256 printable characters without spaces",
            "a key with a line break | {\"bybit\":{\"apiKey\":\"BybitTestKey\\r\\nX-Evil: 1\",\"secret\":\"bybit-SECRET-never-shown-0123456789\"}}"
                    + " | bybit.apiKey: must be 8 to 256 printable characters without spaces",
            "okx without passphrase | {\"okx\":{\"apiKey\":\"okx-test-key-0123-4567-89ab-cdef01234567\",\"secret\":\"okx-SECRET-never-shown-0123456789\"}}"
                    + " | okx.passphrase: must be 1 to 128 printable characters without spaces",
            "a passphrase for binance | {\"binance\":{\"apiKey\":\"BinanceTestKey0123456789abcdefghij\",\"secret\":\"binance-SECRET-never-shown-0123456789\",\"passphrase\":\"okx-PASSPHRASE-never-shown\"}}"
                    + " | binance.passphrase: unknown field (expected one of apiKey, secret)",
            "an unknown field | {\"bybit\":{\"apiKey\":\"BybitTestKey0123456\",\"secretKey\":\"bybit-SECRET-never-shown-0123456789\"}}"
                    + " | bybit.secretKey: unknown field (expected one of apiKey, secret)",
            "a string for an exchange | {\"binance\":\"binance-SECRET-never-shown-0123456789\"} | binance: must be an object",
            "malformed JSON around an unquoted secret | {\"binance\":{\"apiKey\":\"BinanceTestKey0123456789abcdefghij\",\"secret\":binance-SECRET-never-shown-0123456789}}"
                    + " | malformed JSON at line 1, column 68",
            "no exchange | {} | request body: give the keys of at least one exchange: binance, bybit or okx",
            "an array | [] | request body must be a JSON object at line 1, column 1",
            "a good exchange beside a bad one | {\"binance\":{\"apiKey\":\"BinanceTestKey0123456789abcdefghij\",\"secret\":\"binance-SECRET-never-shown-0123456789\"},"
                    + "\"okx\":{\"apiKey\":\"okx-test-key-0123-4567-89ab-cdef01234567\",\"secret\":\"short\",\"passphrase\":\"p\"}}"
                    + " | okx.secret: must be 8 to 256 printable characters without spaces"})
    void badKeysAreRefusedNamingTheFieldAndNothingIsStored(String what, String json, String message) {
        String refusal = error(put(json), HttpStatus.BAD_REQUEST, "VALIDATION_ERROR");

        assertThat(refusal).isEqualTo(message);
        TestKeys.secrets().forEach(secret -> assertThat(refusal).doesNotContain(secret));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM exchange_credentials").query(Long.class).single()).isZero();
    }

    @Test
    void aMissingBodyIsRefused() {
        assertThat(error(mvc.put().uri("/api/settings/api").contentType(MediaType.APPLICATION_JSON).with(csrf()).exchange(),
                HttpStatus.BAD_REQUEST, "VALIDATION_ERROR")).isEqualTo("request body is missing");
    }

    @Test
    void deletesAnExchangesStoredKeys(CapturedOutput output) {
        put(keysJson(TestKeys.BINANCE, null, TestKeys.OKX));

        String body = ok(mvc.delete().uri("/api/settings/api/okx").with(csrf()).exchange());

        assertThat(read(body, "$.data.okx.source").toString()).isEqualTo("none");
        assertThat(read(body, "$.data.binance.source").toString()).isEqualTo("stored");
        assertThat(output).contains("exchange keys deleted: exchange=okx key=okx-****4567 by=ops at=");
        assertThat(error(mvc.delete().uri("/api/settings/api/okx").with(csrf()).exchange(), HttpStatus.NOT_FOUND, "NOT_FOUND"))
                .isEqualTo("no stored keys for okx");
        assertThat(error(mvc.delete().uri("/api/settings/api/kraken").with(csrf()).exchange(), HttpStatus.BAD_REQUEST,
                "VALIDATION_ERROR")).isEqualTo("exchange: unknown exchange 'kraken' (expected one of binance, bybit, okx)");
    }

    @Test
    void testRequestsNameAKnownExchangeWithKeys() {
        assertThat(error(mvc.post().uri("/api/settings/api/test").with(csrf()).exchange(), HttpStatus.BAD_REQUEST, "VALIDATION_ERROR"))
                .startsWith("no exchange has API keys to test");
        put(keysJson(TestKeys.BINANCE, null, null));

        assertThat(error(test("{\"exchange\":\"kraken\"}"), HttpStatus.BAD_REQUEST, "VALIDATION_ERROR"))
                .isEqualTo("exchange: unknown exchange 'kraken' (expected one of binance, bybit, okx)");
        assertThat(error(test("{\"exchange\":\"bybit\"}"), HttpStatus.BAD_REQUEST, "VALIDATION_ERROR"))
                .isEqualTo("exchange: bybit has no API keys to test");
        assertThat(error(test("{\"exchnge\":\"okx\"}"), HttpStatus.BAD_REQUEST, "VALIDATION_ERROR"))
                .isEqualTo("exchnge: unknown field (expected one of exchange)");
        assertThat(error(test("{\"exchange\":"), HttpStatus.BAD_REQUEST, "VALIDATION_ERROR")).startsWith("malformed JSON");
        assertThat(read(ok(test("{\"exchange\":\"BINANCE\"}")), "$.data.binance.ok").toString()).isEqualTo("true");
    }

    @Test
    void keysStoredUnderAnotherMasterKeyAreReportedNotUsed() {
        CredentialCipher other = new CredentialCipher(MasterKey.parse(TestKeys.OTHER_MASTER_KEY).orElseThrow(), new SecureRandom());
        repository.save(new StoredCredentials(Venue.BINANCE, other.encrypt(Venue.BINANCE, "apiKey", TestKeys.BINANCE.apiKey()),
                other.encrypt(Venue.BINANCE, "secret", TestKeys.BINANCE.secret()), null, TestKeys.BINANCE.maskedApiKey(),
                other.masterKeyId(), 1_700_000_000_000L, "ops"));

        String status = ok(mvc.get().uri("/api/settings/api").exchange());
        String tested = ok(test("{\"exchange\":\"binance\"}"));

        String expected = "the stored binance keys were encrypted with another CROSSBOOK_MASTER_KEY (key id " + other.masterKeyId()
                + "; the configured key's id is " + MasterKey.parse(TestKeys.MASTER_KEY).orElseThrow().id()
                + "): set that key, or store the keys again";
        assertThat(read(status, "$.data.binance").toString()).contains("configured=false", "source=stored");
        assertThat(read(status, "$.data.binance.notice").toString()).isEqualTo(expected);
        assertThat(read(tested, "$.data.binance.code").toString()).isEqualTo("INTERNAL_ERROR");
        assertThat(read(tested, "$.data.binance.message").toString()).isEqualTo(expected);
    }

    @Test
    void alteredStoredKeysAreReportedNotUsed() {
        put(keysJson(TestKeys.BINANCE, null, null));
        StoredCredentials stored = repository.find(Venue.BINANCE).orElseThrow();
        byte[] secret = Base64.getDecoder().decode(stored.encryptedSecret());
        secret[20] ^= 1;
        repository.save(new StoredCredentials(Venue.BINANCE, stored.encryptedApiKey(), Base64.getEncoder().encodeToString(secret),
                null, stored.maskedApiKey(), stored.masterKeyId(), stored.updatedAt(), stored.updatedBy()));

        String status = ok(mvc.get().uri("/api/settings/api").exchange());

        assertThat(read(status, "$.data.binance.configured").toString()).isEqualTo("false");
        assertThat(read(status, "$.data.binance.notice").toString()).startsWith("the stored binance secret fails its integrity check");
    }

    private MvcTestResult put(String json) {
        return mvc.put().uri("/api/settings/api").contentType(MediaType.APPLICATION_JSON).content(json).with(csrf()).exchange();
    }

    private MvcTestResult test(String json) {
        return mvc.post().uri("/api/settings/api/test").contentType(MediaType.APPLICATION_JSON).content(json).with(csrf()).exchange();
    }

    static String keysJson(ApiCredentials binance, ApiCredentials bybit, ApiCredentials okx) {
        StringBuilder json = new StringBuilder("{");
        if (binance != null) {
            json.append("\"binance\":{\"apiKey\":\"").append(binance.apiKey()).append("\",\"secret\":\"").append(binance.secret()).append("\"}");
        }
        if (bybit != null) {
            json.append(json.length() > 1 ? "," : "")
                    .append("\"bybit\":{\"apiKey\":\"").append(bybit.apiKey()).append("\",\"secret\":\"").append(bybit.secret()).append("\"}");
        }
        if (okx != null) {
            json.append(json.length() > 1 ? "," : "").append("\"okx\":{\"apiKey\":\"").append(okx.apiKey()).append("\",\"secret\":\"")
                    .append(okx.secret()).append("\",\"passphrase\":\"").append(okx.passphrase()).append("\"}");
        }
        return json.append("}").toString();
    }

    static void assertNoSecretIn(String... texts) {
        for (String text : texts) {
            TestKeys.secrets().forEach(secret -> assertThat(text).doesNotContain(secret));
        }
    }
}
