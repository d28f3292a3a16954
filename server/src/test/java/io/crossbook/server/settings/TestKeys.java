package io.crossbook.server.settings;

import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.ApiCredentials;
import java.util.List;

/** Keys the tests store, sign with and look for in every output, none of them real. */
public final class TestKeys {
    /** Two master keys, each the base64 of 32 random bytes. */
    public static final String MASTER_KEY = "ImTzbIti2vbVncOVjDaeDwUZ/sNe03XFVsqFGmB2R2Q=";
    public static final String OTHER_MASTER_KEY = "T/0FQgDIFWTJ2cLpOrpe0nGtU7TGcUh+k3D3bV/TJTs=";

    public static final ApiCredentials BINANCE = ApiCredentials.of("BinanceTestKey0123456789abcdefghij",
            "binance-SECRET-never-shown-0123456789");
    public static final ApiCredentials BYBIT = ApiCredentials.of("BybitTestKey0123456", "bybit-SECRET-never-shown-0123456789");
    public static final ApiCredentials OKX = new ApiCredentials("okx-test-key-0123-4567-89ab-cdef01234567",
            "okx-SECRET-never-shown-0123456789", "okx-PASSPHRASE-never-shown");
    /** Keys no exchange knows. */
    public static final ApiCredentials UNKNOWN = ApiCredentials.of("UnknownTestKey0123456789", "unknown-SECRET-never-shown-0123");

    private TestKeys() {
    }

    public static ApiCredentials of(Venue venue) {
        return switch (venue) {
            case BINANCE -> BINANCE;
            case BYBIT -> BYBIT;
            case OKX -> OKX;
        };
    }

    /** Every secret and passphrase, and the whole API keys: none may appear in a response, log line or message. */
    public static List<String> secrets() {
        return List.of(BINANCE.apiKey(), BINANCE.secret(), BYBIT.apiKey(), BYBIT.secret(), OKX.apiKey(), OKX.secret(),
                OKX.passphrase(), UNKNOWN.apiKey(), UNKNOWN.secret());
    }
}
