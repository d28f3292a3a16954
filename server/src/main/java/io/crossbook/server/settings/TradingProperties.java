package io.crossbook.server.settings;

import io.crossbook.core.model.Venue;
import io.crossbook.venues.binance.BinanceEndpoints;
import io.crossbook.venues.bybit.BybitPrivateProtocol;
import io.crossbook.venues.okx.OkxPrivateProtocol;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crossbook.trading.*}: {@code mode} ({@code paper}, the default, or {@code live}); the
 * {@code recv-window} signed requests give the exchange (Binance and Bybit refuse a request that
 * arrives later; Binance allows at most 60 s); the private REST {@code endpoints} per exchange, by
 * default their production hosts, and the {@code private-streams} (WebSocket order and fill updates),
 * likewise; and {@code perp-margin-rate}, the initial margin a perpetual order needs as a fraction of
 * its notional (the inverse of the leverage the accounts trade at; 1, the default, is fully
 * collateralised), which live mode checks before an order is sent.
 */
@ConfigurationProperties("crossbook.trading")
public record TradingProperties(TradingMode mode, Duration recvWindow, Map<Venue, URI> endpoints, URI binanceFuturesEndpoint,
                                UnknownOrders unknownOrders, BigDecimal perpMarginRate, PrivateStreams privateStreams) {

    /**
     * The private WebSocket endpoints: Binance's spot WebSocket API and USDⓈ-M private stream root,
     * Bybit's and OKX's private streams. Any left out is the exchange's production host.
     */
    public record PrivateStreams(URI binanceSpot, URI binanceFutures, URI bybit, URI okx) {
        public PrivateStreams {
            binanceSpot = binanceSpot == null ? BinanceEndpoints.PRODUCTION.spotWebSocketApi() : binanceSpot;
            binanceFutures = binanceFutures == null ? BinanceEndpoints.PRODUCTION.futuresPrivateStream() : binanceFutures;
            bybit = bybit == null ? BybitPrivateProtocol.PRIVATE_WS : bybit;
            okx = okx == null ? OkxPrivateProtocol.PRIVATE_WS : okx;
        }

        List<URI> all() {
            return List.of(binanceSpot, binanceFutures, bybit, okx);
        }
    }

    /** What start-up reconciliation does with an open order at the exchange that the journal does not know. */
    public enum UnknownOrders {
        /** Raise an alert and leave the order alone (the default: it may be a person's). */
        REPORT,
        /** Raise an alert and cancel it. */
        CANCEL
    }

    static final Duration MAX_RECV_WINDOW = Duration.ofSeconds(60);
    private static final Map<Venue, URI> PRODUCTION = Map.of(
            Venue.BINANCE, URI.create("https://api.binance.com"),
            Venue.BYBIT, URI.create("https://api.bybit.com"),
            Venue.OKX, URI.create("https://www.okx.com"));

    public TradingProperties {
        mode = mode == null ? TradingMode.PAPER : mode;
        unknownOrders = unknownOrders == null ? UnknownOrders.REPORT : unknownOrders;
        binanceFuturesEndpoint = binanceFuturesEndpoint == null ? URI.create("https://fapi.binance.com") : binanceFuturesEndpoint;
        recvWindow = recvWindow == null ? Duration.ofSeconds(5) : recvWindow;
        perpMarginRate = perpMarginRate == null ? BigDecimal.ONE : perpMarginRate;
        privateStreams = privateStreams == null ? new PrivateStreams(null, null, null, null) : privateStreams;
        if (perpMarginRate.signum() <= 0 || perpMarginRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("crossbook.trading.perp-margin-rate must be above 0 and at most 1, not "
                    + perpMarginRate.toPlainString());
        }
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

    /**
     * The endpoints that are not the exchanges' own hosts (a local exchange simulator, say): the
     * production profile refuses to start with any.
     */
    public List<URI> foreignEndpoints() {
        List<URI> all = new ArrayList<>(endpoints.values());
        all.add(binanceFuturesEndpoint);
        all.addAll(privateStreams.all());
        return all.stream().filter(u -> !official(u)).toList();
    }

    private static boolean official(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return ("https".equals(uri.getScheme()) || "wss".equals(uri.getScheme())) && Stream.of("binance.com", "bybit.com", "okx.com")
                .anyMatch(d -> host.equals(d) || host.endsWith("." + d));
    }
}
