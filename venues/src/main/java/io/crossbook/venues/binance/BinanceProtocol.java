package io.crossbook.venues.binance;

import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.FeedHandler;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.MarketDataProtocol;
import io.crossbook.venues.common.ResyncRequester;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Binance public market data: spot ({@code api}/{@code stream.binance.com}), USDⓈ-M
 * ({@code fapi}/{@code fstream}, whose depth, bookTicker and trade streams are on the routed
 * {@code /public} path) and COIN-M ({@code dapi}/{@code dstream}). Depth snapshots come from REST;
 * Binance pings and the client's WebSocket answers, so there is no application ping.
 */
public final class BinanceProtocol implements MarketDataProtocol {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNAPSHOT_LEVELS = 1000;

    private final Market market;
    private final String restBase;
    private final String wsBase;
    private final String restPrefix;
    private final int restWeightPerMinute;

    /** The production hosts of {@code market}. */
    public BinanceProtocol(Market market) {
        this(market, productionRest(market), productionWebSocket(market));
    }

    /**
     * The same protocol served from other hosts, e.g. a local exchange simulator: {@code restBase} and
     * {@code webSocketBase} are roots ({@code https://fapi.binance.com}, {@code wss://fstream.binance.com});
     * the market's paths are appended as on the production hosts.
     */
    public BinanceProtocol(Market market, URI restBase, URI webSocketBase) {
        this(market, restBase, webSocketBase, market == Market.SPOT ? 6000 : 2400);
    }

    /**
     * As {@link #BinanceProtocol(Market, URI, URI)}, spending REST request weight within
     * {@code restWeightPerMinute} instead of Binance's per-IP limit (6,000 spot, 2,400 futures): for
     * a simulator started with a larger limit.
     */
    public BinanceProtocol(Market market, URI restBase, URI webSocketBase, int restWeightPerMinute) {
        if (restWeightPerMinute < 1) {
            throw new IllegalArgumentException("restWeightPerMinute must be positive, was " + restWeightPerMinute);
        }
        this.market = market;
        this.restWeightPerMinute = restWeightPerMinute;
        this.restBase = withoutTrailingSlash(restBase);
        this.wsBase = withoutTrailingSlash(webSocketBase) + switch (market) {
            case LINEAR -> "/public/stream?streams=";
            default -> "/stream?streams=";
        };
        this.restPrefix = switch (market) {
            case SPOT -> "/api/v3";
            case LINEAR -> "/fapi/v1";
            case INVERSE -> "/dapi/v1";
        };
    }

    private static URI productionRest(Market market) {
        return URI.create(switch (market) {
            case SPOT -> "https://api.binance.com";
            case LINEAR -> "https://fapi.binance.com";
            case INVERSE -> "https://dapi.binance.com";
        });
    }

    private static URI productionWebSocket(Market market) {
        return URI.create(switch (market) {
            case SPOT -> "wss://stream.binance.com:9443";
            case LINEAR -> "wss://fstream.binance.com";
            case INVERSE -> "wss://dstream.binance.com";
        });
    }

    private static String withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public Venue venue() {
        return Venue.BINANCE;
    }

    @Override
    public Market market() {
        return market;
    }

    @Override
    public URI instrumentsUri() {
        return URI.create(restBase + restPrefix + "/exchangeInfo");
    }

    @Override
    public List<Instrument> parseInstruments(String body) {
        JsonNode root = JSON.readTree(body);
        List<Instrument> out = new ArrayList<>();
        for (JsonNode s : root.path("symbols")) {
            String status = s.has("contractStatus") ? s.path("contractStatus").asString() : s.path("status").asString();
            if (!"TRADING".equals(status)) {
                continue;
            }
            BigDecimal tick = null;
            BigDecimal step = null;
            BigDecimal minQty = BigDecimal.ZERO;
            BigDecimal minNotional = BigDecimal.ZERO;
            for (JsonNode f : s.path("filters")) {
                switch (f.path("filterType").asString()) {
                    case "PRICE_FILTER" -> tick = decimal(f, "tickSize");
                    case "LOT_SIZE" -> {
                        step = decimal(f, "stepSize");
                        minQty = decimal(f, "minQty");
                    }
                    case "MIN_NOTIONAL", "NOTIONAL" -> minNotional = decimal(f, f.has("notional") ? "notional" : "minNotional");
                    default -> {
                    }
                }
            }
            if (tick == null || step == null || tick.signum() <= 0 || step.signum() <= 0) {
                continue; // not tradable as a book: no price or size grid
            }
            BigDecimal contractSize = s.has("contractSize") ? decimal(s, "contractSize") : BigDecimal.ONE;
            out.add(new Instrument(Venue.BINANCE, market, s.path("symbol").asString(), s.path("baseAsset").asString(),
                    s.path("quoteAsset").asString(), tick.stripTrailingZeros(), step.stripTrailingZeros(),
                    minQty.stripTrailingZeros(), minNotional.stripTrailingZeros(), contractSize));
        }
        return out;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return new BigDecimal(node.path(field).asString());
    }

    @Override
    public URI webSocketUri(List<String> symbols) {
        String depth = market == Market.SPOT ? "@depth@100ms" : "@depth@0ms";
        return URI.create(wsBase + symbols.stream()
                .map(s -> s.toLowerCase(Locale.ROOT))
                .map(s -> s + depth + "/" + s + "@bookTicker/" + s + "@trade")
                .collect(Collectors.joining("/")));
    }

    @Override
    public List<String> subscribeFrames(List<String> symbols) {
        return List.of();
    }

    @Override
    public List<String> resubscribeFrames(String symbol) {
        return List.of();
    }

    @Override
    public SnapshotRequest snapshotRequest(String symbol) {
        // Request weight of a 1000-level snapshot: 50 on spot, 20 on futures (Binance's weight tables).
        return new SnapshotRequest(URI.create(restBase + restPrefix + "/depth?symbol=" + symbol + "&limit=" + SNAPSHOT_LEVELS),
                market == Market.SPOT ? 50 : 20);
    }

    @Override
    public String pingFrame() {
        return null;
    }

    @Override
    public Duration pingInterval() {
        return null;
    }

    @Override
    public boolean isPong(String text) {
        return false;
    }

    @Override
    public Duration maxConnectionAge() {
        return Duration.ofHours(24);
    }

    @Override
    public int instrumentsWeight() {
        return market == Market.SPOT ? 20 : 1;
    }

    @Override
    public int restWeightPerMinute() {
        return restWeightPerMinute;
    }

    @Override
    public FeedHandler<?> newHandler(Map<String, Instrument> instruments, CleaningRules rules,
                                     MarketDataListener listener, ResyncRequester resync) {
        return new BinanceFeedHandler(market, instruments, rules, listener, resync);
    }
}
