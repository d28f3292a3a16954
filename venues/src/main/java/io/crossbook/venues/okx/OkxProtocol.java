package io.crossbook.venues.okx;

import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.FeedHandler;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.MarketDataProtocol;
import io.crossbook.venues.common.ResyncRequester;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * OKX v5 public market data for one market: {@code books}, {@code tickers} and {@code trades} on
 * the public WebSocket, books kept in sync from the snapshot OKX sends on every subscription.
 */
public final class OkxProtocol implements MarketDataProtocol {
    public static final URI PUBLIC_WS = URI.create("wss://ws.okx.com:8443/ws/v5/public");
    public static final URI REST = URI.create("https://www.okx.com");
    private static final String INSTRUMENTS = "/api/v5/public/instruments?instType=";
    private static final List<String> CHANNELS = List.of("books", "tickers", "trades");
    /**
     * OKX limits the channels of one subscribe request to 64 KB today and to 4096 bytes in earlier
     * versions of its documentation; keeping to the smaller costs only a few more frames.
     */
    static final int MAX_FRAME_BYTES = 4096;
    /** OKX closes a connection that has received nothing for 30 s; it answers the text "ping". */
    private static final Duration PING_INTERVAL = Duration.ofSeconds(25);
    /** Get instruments: 20 requests per 2 seconds per IP and instrument type. */
    private static final int INSTRUMENTS_REQUESTS_PER_MINUTE = 600;

    private final Market market;
    private final URI rest;
    private final URI webSocket;
    private final OkxInstrumentParser instruments;

    /** The production hosts, {@link #REST} and {@link #PUBLIC_WS}. */
    public OkxProtocol(Market market) {
        this(market, REST, PUBLIC_WS);
    }

    /** {@code rest} is the REST root and {@code webSocket} the public stream: OKX's or a simulator's. */
    public OkxProtocol(Market market, URI rest, URI webSocket) {
        this.market = market;
        this.rest = rest;
        this.webSocket = webSocket;
        this.instruments = new OkxInstrumentParser(market);
    }

    @Override
    public Venue venue() {
        return Venue.OKX;
    }

    @Override
    public Market market() {
        return market;
    }

    @Override
    public URI instrumentsUri() {
        return rest.resolve(INSTRUMENTS + instruments.instType());
    }

    @Override
    public List<Instrument> parseInstruments(String body) {
        return instruments.parse(body);
    }

    /** One public endpoint serves every instrument type; symbols are chosen by subscription. */
    @Override
    public URI webSocketUri(List<String> symbols) {
        return webSocket;
    }

    /** All three channels of every symbol, packed into as few frames as the size limit allows. */
    @Override
    public List<String> subscribeFrames(List<String> symbols) {
        List<Request.Arg> args = new ArrayList<>(symbols.size() * CHANNELS.size());
        for (String symbol : symbols) {
            for (String channel : CHANNELS) {
                args.add(new Request.Arg(channel, symbol));
            }
        }
        return packed("subscribe", args);
    }

    /** Re-subscribing to {@code books} makes OKX send a fresh snapshot. */
    @Override
    public List<String> resubscribeFrames(String symbol) {
        List<Request.Arg> books = List.of(new Request.Arg("books", symbol));
        return List.of(json(new Request("unsubscribe", books)), json(new Request("subscribe", books)));
    }

    @Override
    public SnapshotRequest snapshotRequest(String symbol) {
        return null;
    }

    @Override
    public String pingFrame() {
        return "ping";
    }

    @Override
    public Duration pingInterval() {
        return PING_INTERVAL;
    }

    @Override
    public boolean isPong(String text) {
        return "pong".equals(text);
    }

    /**
     * OKX sets no maximum age: it closes connections for service upgrades, announced 30 s before
     * by an {@code event: notice} with code 64008.
     */
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
        return INSTRUMENTS_REQUESTS_PER_MINUTE;
    }

    @Override
    public FeedHandler<?> newHandler(Map<String, Instrument> instruments, CleaningRules rules,
                                     MarketDataListener listener, ResyncRequester resync) {
        return new OkxFeedHandler(market, instruments, rules, listener, resync);
    }

    private static List<String> packed(String op, List<Request.Arg> args) {
        int emptyFrameBytes = bytes(json(new Request(op, List.of())));
        List<String> frames = new ArrayList<>();
        List<Request.Arg> frame = new ArrayList<>();
        int frameBytes = emptyFrameBytes;
        for (Request.Arg arg : args) {
            int argBytes = bytes(json(arg)) + 1; // and its comma
            if (!frame.isEmpty() && frameBytes + argBytes > MAX_FRAME_BYTES) {
                frames.add(json(new Request(op, frame)));
                frame = new ArrayList<>();
                frameBytes = emptyFrameBytes;
            }
            frame.add(arg);
            frameBytes += argBytes;
        }
        if (!frame.isEmpty()) {
            frames.add(json(new Request(op, frame)));
        }
        return frames;
    }

    private static String json(Object value) {
        return JsonMapper.shared().writeValueAsString(value);
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** {@code {"op":"subscribe","args":[{"channel":"books","instId":"BTC-USDT"}, ...]}} */
    private record Request(String op, List<Arg> args) {
        private record Arg(String channel, String instId) {
        }
    }
}
