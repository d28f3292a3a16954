package io.crossbook.venues.common;

import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the live connection needs to know about one venue-market's public market data: where to
 * connect, what to send, how to keep the socket alive and how to resynchronise one book. The
 * connection itself ({@link MarketDataConnection}) is shared by all venues.
 */
public interface MarketDataProtocol {

    Venue venue();

    Market market();

    /** The public REST endpoint that lists this market's instruments. */
    URI instrumentsUri();

    /** Parses that endpoint's response body; instruments not trading are left out. */
    List<Instrument> parseInstruments(String body);

    /**
     * The next page of the instrument list after the page {@code body}, or null when that was the
     * last (or the exchange does not page it).
     */
    default URI nextInstrumentsUri(String body) {
        return null;
    }

    /** The WebSocket URL for these symbols (exchange spelling, e.g. BTCUSDT or BTC-USDT). */
    URI webSocketUri(List<String> symbols);

    /** Frames to send after connecting (empty where the URL subscribes, as on Binance). */
    List<String> subscribeFrames(List<String> symbols);

    /** Frames that make the exchange send a fresh snapshot of one symbol (Bybit, OKX). */
    List<String> resubscribeFrames(String symbol);

    /** A REST snapshot request for one symbol, or null where snapshots come over the socket. */
    SnapshotRequest snapshotRequest(String symbol);

    /** An application-level ping frame, or null where the exchange pings (Binance). */
    String pingFrame();

    Duration pingInterval();

    /** True for the exchange's reply to {@link #pingFrame()}, which is not market data. */
    boolean isPong(String text);

    /** Longest the exchange keeps one connection before closing it, if it says so. */
    Duration maxConnectionAge();

    /** Request weight of fetching the instrument list, counted against {@link #restWeightPerMinute()}. */
    int instrumentsWeight();

    /** The exchange's REST request-weight budget per minute per IP. */
    int restWeightPerMinute();

    FeedHandler<?> newHandler(Map<String, Instrument> instruments, CleaningRules rules,
                              MarketDataListener listener, ResyncRequester resync);

    /** A REST depth snapshot: where to fetch it and what it costs in request weight. */
    record SnapshotRequest(URI uri, int weight) {
    }
}
