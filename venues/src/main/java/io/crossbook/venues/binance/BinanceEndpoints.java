package io.crossbook.venues.binance;

import java.net.URI;
import java.util.Objects;

/**
 * Where one Binance account trades: the spot and USDⓈ-M REST roots, the spot WebSocket API (which
 * carries the spot user data stream since Binance retired spot listen keys on 2026-02-20) and the
 * USDⓈ-M private stream root (listen keys are appended to it). A local exchange simulator stands in
 * for Binance by naming its own.
 */
public record BinanceEndpoints(URI spotRest, URI futuresRest, URI spotWebSocketApi, URI futuresPrivateStream) {
    /** Binance's production hosts; USDⓈ-M user data moved to the routed {@code /private} path in 2026. */
    public static final BinanceEndpoints PRODUCTION = new BinanceEndpoints(URI.create("https://api.binance.com"),
            URI.create("https://fapi.binance.com"), URI.create("wss://ws-api.binance.com:443/ws-api/v3"),
            URI.create("wss://fstream.binance.com/private/ws"));

    public BinanceEndpoints {
        Objects.requireNonNull(spotRest, "spotRest");
        Objects.requireNonNull(futuresRest, "futuresRest");
        Objects.requireNonNull(spotWebSocketApi, "spotWebSocketApi");
        Objects.requireNonNull(futuresPrivateStream, "futuresPrivateStream");
    }
}
