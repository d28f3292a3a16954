package io.crossbook.testkit.sim;

import io.crossbook.core.model.Market;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One WebSocket connection's subscriptions as its protocol understood them: a public connection to
 * one market's streams (named in the exchange's spelling), or an account's private stream. A
 * protocol whose clients subscribe or log in by message changes the session as those messages come.
 */
public final class WsSession {
    private final Market market;
    private final boolean isPrivate;
    private final Set<String> streams = ConcurrentHashMap.newKeySet();
    private volatile String apiKey;

    private WsSession(Market market, boolean isPrivate, Collection<String> streams, String apiKey) {
        this.market = market;
        this.isPrivate = isPrivate;
        this.streams.addAll(streams);
        this.apiKey = apiKey;
    }

    /** A public connection to {@code market} subscribed to {@code streams}. */
    public static WsSession publicStreams(Market market, Collection<String> streams) {
        return new WsSession(market, false, streams, null);
    }

    /**
     * A private connection of the account with {@code apiKey} (null until it logs in) to the order
     * events of {@code market}, or of every market when it is null.
     */
    public static WsSession privateStream(String apiKey, Market market) {
        return new WsSession(market, true, Set.of(), apiKey);
    }

    public boolean isPrivate() {
        return isPrivate;
    }

    public Market market() {
        return market;
    }

    public String apiKey() {
        return apiKey;
    }

    /** The private stream logged in as the account with {@code apiKey}. */
    public void authenticate(String apiKey) {
        this.apiKey = apiKey;
    }

    public void subscribe(Collection<String> names) {
        streams.addAll(names);
    }

    public void unsubscribe(Collection<String> names) {
        streams.removeAll(names);
    }

    public Set<String> streams() {
        return Set.copyOf(streams);
    }

    boolean wantsPublic(Market m, String stream) {
        return !isPrivate && (market == null || market == m) && streams.contains(stream);
    }

    boolean wantsPrivate(String key, Market m) {
        return isPrivate && key.equals(apiKey) && (market == null || market == m);
    }
}
