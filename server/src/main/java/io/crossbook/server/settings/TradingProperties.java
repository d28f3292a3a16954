package io.crossbook.server.settings;

import io.crossbook.core.model.Venue;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crossbook.trading.*}: {@code mode} ({@code paper}, the default, or {@code live}); the
 * {@code recv-window} signed requests give the exchange (Binance and Bybit refuse a request that
 * arrives later; Binance allows at most 60 s); and the private REST {@code endpoints} per exchange,
 * by default their production hosts.
 */
@ConfigurationProperties("crossbook.trading")
public record TradingProperties(TradingMode mode, Duration recvWindow, Map<Venue, URI> endpoints) {
    static final Duration MAX_RECV_WINDOW = Duration.ofSeconds(60);
    private static final Map<Venue, URI> PRODUCTION = Map.of(
            Venue.BINANCE, URI.create("https://api.binance.com"),
            Venue.BYBIT, URI.create("https://api.bybit.com"),
            Venue.OKX, URI.create("https://www.okx.com"));

    public TradingProperties {
        mode = mode == null ? TradingMode.PAPER : mode;
        recvWindow = recvWindow == null ? Duration.ofSeconds(5) : recvWindow;
        if (recvWindow.toMillis() < 1 || recvWindow.compareTo(MAX_RECV_WINDOW) > 0) {
            throw new IllegalArgumentException("crossbook.trading.recv-window must be between 1ms and 60s, not " + recvWindow);
        }
        Map<Venue, URI> all = new EnumMap<>(PRODUCTION);
        if (endpoints != null) {
            all.putAll(endpoints);
        }
        endpoints = Map.copyOf(all);
    }

    public URI endpoint(Venue venue) {
        return endpoints.get(venue);
    }
}
