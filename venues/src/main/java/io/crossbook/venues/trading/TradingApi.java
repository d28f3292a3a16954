package io.crossbook.venues.trading;

import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.Balance;
import java.util.List;

/**
 * One exchange account's signed order entry and account reads. Calls block on the network: they are
 * made off the engine thread ({@link LiveVenue} does). Every call first takes its request weight from
 * the account's one {@link AccountLimiter}.
 *
 * <p>Failures: {@link io.crossbook.venues.common.ExchangeRejectedException} when the exchange answered and
 * refused (its code and message kept; {@link io.crossbook.venues.common.ExchangeRejectedException#insufficientFunds()}
 * says when for lack of funds), {@link io.crossbook.venues.common.ExchangeUnavailableException} when it
 * could not be reached or could not serve us ({@link io.crossbook.venues.common.RateLimitedException} for 429/418), with
 * {@link io.crossbook.venues.common.ExchangeUnavailableException#outcomeUnknown()} true when the request
 * may have been carried out all the same (a timeout, a 5xx).
 */
public interface TradingApi {
    Venue venue();

    /** The exchange's server time, epoch milliseconds, from its public time endpoint (for {@link ExchangeClock#sync}). */
    long serverTime();

    /**
     * Places the order with its client order id; the answer is the exchange's acknowledgement (an
     * order that fills at once may already be {@link OrderStatus#FILLED}).
     */
    ExchangeOrder place(OrderRequest order);

    /** The exchange's state of the order with this client order id, or null when the exchange has no such order. */
    ExchangeOrder query(Instrument instrument, String clientOrderId);

    /** Every fill of that order so far. */
    List<ExchangeTrade> trades(Instrument instrument, String clientOrderId, String exchangeOrderId);

    /** Asks the exchange to cancel the order; an order that is already closed or unknown is not a failure. */
    void cancel(Instrument instrument, String clientOrderId);

    /** Every open order of the account in that market. */
    List<ExchangeOrder> openOrders(Market market);

    /** The account's assets, spot and margin (zero balances left out). */
    AccountBalances balances();

    /** The account's open linear-perpetual positions. */
    List<ExchangePosition> positions();

    /**
     * Opens the account's private stream of order updates and fills; it reconnects by itself and tells
     * the listener each time it is (re)connected, so that whatever was missed is read over REST.
     */
    PrivateStream openPrivateStream(PrivateStream.Listener listener);
}
