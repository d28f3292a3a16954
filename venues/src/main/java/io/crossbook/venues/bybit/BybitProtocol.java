package io.crossbook.venues.bybit;

import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.FeedHandler;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.MarketDataProtocol;
import io.crossbook.venues.common.ResyncRequester;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bybit v5 public market data for spot or linear (USDT/USDC perpetuals and futures). Per symbol it
 * subscribes the depth book ({@code orderbook.200}), the level-1 book as best bid/ask
 * ({@code orderbook.1}) and {@code publicTrade}. Limits and formats are those of Bybit's v5 docs
 * ("Connect", "Orderbook", "Rate Limit Rules", "Get Instruments Info").
 */
public final class BybitProtocol implements MarketDataProtocol {
    /** Spot takes at most 10 args per subscribe request; linear has no such limit, and 10 suits both. */
    static final int MAX_ARGS_PER_REQUEST = 10;
    /** Characters the args of one public connection may add up to, for every market. */
    static final int MAX_ARGS_CHARS_PER_CONNECTION = 21_000;
    /** Bybit recommends a ping every 20 seconds. */
    private static final Duration PING_INTERVAL = Duration.ofSeconds(20);
    /** Pong replies are about 130 characters; anything much longer is market data. */
    private static final int MAX_PONG_LENGTH = 512;
    /** 600 requests per 5-second window per IP, each request counting once. */
    private static final int REST_REQUESTS_PER_MINUTE = 600 * 12;

    /** Bybit's production REST host. */
    public static final URI REST = URI.create("https://api.bybit.com");
    /** Bybit's production WebSocket host; the public streams are under {@code /v5/public/<category>}. */
    public static final URI PUBLIC_WS = URI.create("wss://stream.bybit.com");

    private final Market market;
    private final String category;
    private final BybitInstrumentParser instrumentParser;
    private final URI rest;
    private final URI stream;

    /** Bybit's production hosts. */
    public BybitProtocol(Market market) {
        this(market, REST, PUBLIC_WS);
    }

    /**
     * Public market data from other hosts that speak Bybit's protocol (a local simulator in tests):
     * {@code rest} and {@code stream} are roots such as {@code http://127.0.0.1:8080} and
     * {@code ws://127.0.0.1:8081}, under which Bybit's own paths are used.
     */
    public BybitProtocol(Market market, URI rest, URI stream) {
        if (market != Market.SPOT && market != Market.LINEAR) {
            throw new IllegalArgumentException("Bybit market data supports spot and linear, not " + market.id());
        }
        this.market = market;
        this.category = market.id(); // Bybit's category and WebSocket path are "spot" and "linear" too
        this.instrumentParser = new BybitInstrumentParser(market);
        this.rest = rest;
        this.stream = stream;
    }

    @Override
    public Venue venue() {
        return Venue.BYBIT;
    }

    @Override
    public Market market() {
        return market;
    }

    /** Spot ignores {@code limit} (it returns every symbol at once); linear pages by up to 1,000. */
    @Override
    public URI instrumentsUri() {
        return rest.resolve("/v5/market/instruments-info?category=" + category + "&limit=1000");
    }

    @Override
    public List<Instrument> parseInstruments(String body) {
        return instrumentParser.parse(body);
    }

    /**
     * Linear pages its list: while a page holds instruments and names a {@code nextPageCursor}, the
     * same request with {@code cursor} set to it (sent back as it comes, already percent-encoded).
     */
    @Override
    public URI nextInstrumentsUri(String body) {
        JsonNode result = JsonMapper.shared().readTree(body).path("result");
        String cursor = result.path("nextPageCursor").asString("");
        return cursor.isEmpty() || result.path("list").isEmpty() ? null : URI.create(instrumentsUri() + "&cursor=" + cursor);
    }

    @Override
    public URI webSocketUri(List<String> symbols) {
        return stream.resolve("/v5/public/" + category);
    }

    /**
     * Subscribe requests of at most {@value #MAX_ARGS_PER_REQUEST} topics each. Throws if the
     * topics exceed what one connection may carry: the caller must spread the symbols over more
     * connections.
     */
    @Override
    public List<String> subscribeFrames(List<String> symbols) {
        List<String> topics = new ArrayList<>(symbols.size() * 3);
        int chars = 0;
        for (String symbol : symbols) {
            for (String topic : List.of(BybitTopics.book(symbol), BybitTopics.bestQuote(symbol), BybitTopics.trades(symbol))) {
                topics.add(topic);
                chars += topic.length();
            }
        }
        if (chars > MAX_ARGS_CHARS_PER_CONNECTION) {
            throw new IllegalArgumentException(symbols.size() + " symbols need " + chars
                    + " characters of topics; one Bybit connection takes at most " + MAX_ARGS_CHARS_PER_CONNECTION);
        }
        List<String> frames = new ArrayList<>();
        for (int from = 0; from < topics.size(); from += MAX_ARGS_PER_REQUEST) {
            frames.add(request("subscribe", topics.subList(from, Math.min(from + MAX_ARGS_PER_REQUEST, topics.size()))));
        }
        return frames;
    }

    /** Re-subscribing the depth topic makes Bybit send a fresh snapshot of that book alone. */
    @Override
    public List<String> resubscribeFrames(String symbol) {
        List<String> topic = List.of(BybitTopics.book(symbol));
        return List.of(request("unsubscribe", topic), request("subscribe", topic));
    }

    /** Bybit sends the book snapshot over the socket. */
    @Override
    public SnapshotRequest snapshotRequest(String symbol) {
        return null;
    }

    @Override
    public String pingFrame() {
        return "{\"op\":\"ping\"}";
    }

    @Override
    public Duration pingInterval() {
        return PING_INTERVAL;
    }

    /**
     * Spot and linear answer a ping with {@code "op":"ping","ret_msg":"pong"}; Bybit's other
     * public channels answer with {@code "op":"pong"}.
     */
    @Override
    public boolean isPong(String text) {
        if (text.length() > MAX_PONG_LENGTH || !text.contains("pong")) {
            return false;
        }
        try {
            JsonNode reply = JsonMapper.shared().readTree(text);
            String op = reply.path("op").asString("");
            return op.equals("pong") || (op.equals("ping") && reply.path("ret_msg").asString("").equals("pong"));
        } catch (JacksonException e) {
            return false;
        }
    }

    /** Bybit sets no maximum age for public connections; it closes only idle ones. */
    @Override
    public Duration maxConnectionAge() {
        return null;
    }

    @Override
    public int instrumentsWeight() {
        return 1;
    }

    @Override
    public int restWeightPerMinute() {
        return REST_REQUESTS_PER_MINUTE;
    }

    @Override
    public FeedHandler<?> newHandler(Map<String, Instrument> instruments, CleaningRules rules,
                                     MarketDataListener listener, ResyncRequester resync) {
        return new BybitFeedHandler(market, instruments, rules, listener, resync);
    }

    private static String request(String op, List<String> args) {
        return JsonMapper.shared().writeValueAsString(new Request(op, args));
    }

    /** Field order as in Bybit's examples: {@code {"op":...,"args":[...]}}. */
    record Request(String op, List<String> args) {
    }
}
