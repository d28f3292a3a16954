package io.crossbook.venues.trading;

/**
 * An account's private WebSocket stream: authenticated per the exchange's rules, kept alive, and
 * reconnected with backoff until closed.
 */
public interface PrivateStream extends AutoCloseable {

    /** Receives the stream's news on the stream's own thread. */
    interface Listener {
        /** (Re)connected and subscribed: anything that happened while it was down must be read over REST. */
        void connected();

        void disconnected(String reason);

        void order(ExchangeOrder order);

        void trade(ExchangeTrade trade);
    }

    boolean isConnected();

    @Override
    void close();
}
