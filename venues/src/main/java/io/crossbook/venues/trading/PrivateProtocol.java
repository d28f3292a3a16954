package io.crossbook.venues.trading;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What one exchange's private WebSocket stream needs: where to connect, how to log in and subscribe
 * to order updates and fills, how to keep it alive and how to read it. The connection itself
 * ({@link PrivateStreamConnection}) is shared by all exchanges and reconnects with backoff.
 */
public interface PrivateProtocol {

    /** The URL to connect to now; may call the exchange first (Binance creates a listen key over REST). */
    URI connectUri();

    /** Frames to send once open, in order, freshly signed: login, then subscriptions (none on Binance). */
    List<String> openingFrames();

    /**
     * True when the opening frames after the first (the login) must wait until the exchange has
     * acknowledged it ({@link #isLoggedIn}): OKX refuses a subscription that overtakes the login.
     */
    default boolean subscribeAfterLogin() {
        return false;
    }

    /** True for the message that acknowledges the login (asked only when {@link #subscribeAfterLogin()}). */
    default boolean isLoggedIn(String text) {
        return false;
    }

    /**
     * True for the message that says the login and subscriptions took (OKX and Bybit acknowledge the
     * subscribe); a stream without opening frames is ready as soon as it is open.
     *
     * @throws io.crossbook.venues.common.ExchangeRejectedException when the message refuses the login
     */
    boolean isReady(String text);

    /** An application-level ping frame, or null where the exchange pings us (Binance). */
    String pingFrame();

    /** How often to ping and to call {@link #keepAlive()}. */
    Duration pingInterval();

    /** Periodic upkeep beside the ping: Binance extends its listen key. */
    default void keepAlive() {
    }

    /**
     * Reads one message and hands its order updates and fills to the listener; acknowledgements and
     * pongs are ignored.
     *
     * @throws io.crossbook.venues.common.MalformedMessageException when it is not in the documented shape
     */
    void read(String text, PrivateStream.Listener listener);
}
