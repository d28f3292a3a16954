package io.crossbook.server.marketdata;

import io.crossbook.core.clean.CleaningRules;
import io.crossbook.venues.common.FeedHandler;
import io.crossbook.venues.common.MarketDataConnection;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.MarketDataProtocol;
import io.crossbook.venues.common.RawMessageSink;
import io.crossbook.venues.common.RestClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A feed from the exchange's public market data: a {@link MarketDataConnection}. */
final class LiveFeed implements Feed {
    private final MarketDataConnection connection;

    LiveFeed(MarketDataProtocol protocol, List<String> symbols, CleaningRules rules, MarketDataListener listener,
             RestClient rest) {
        this.connection = new MarketDataConnection(protocol, symbols, rules, listener, RawMessageSink.NONE, rest);
    }

    @Override
    public void start() {
        connection.start();
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public FeedStatus status() {
        MarketDataConnection.Status s = connection.status();
        FeedState state = switch (s.state()) {
            case STARTING -> FeedState.STARTING;
            case CONNECTED -> FeedState.CONNECTED;
            case EXCHANGE_UNAVAILABLE -> FeedState.EXCHANGE_UNAVAILABLE;
            case STOPPED -> FeedState.STOPPED;
        };
        return new FeedStatus(state, s.detail());
    }

    @Override
    public List<String> symbols() {
        return connection.symbols();
    }

    @Override
    public <T> CompletableFuture<T> read(Function<FeedHandler<?>, T> read, T whenClosed) {
        return connection.read(read, whenClosed);
    }
}
