package io.crossbook.testkit.sim;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/**
 * The simulated exchange as a protocol sees it: accounts, instruments, books and the matching
 * engine, in protocol-free terms. Every call is made under the simulator's lock.
 */
public interface SimExchange {

    /** The exchange's clock: server time and the time stamps of its answers and events. */
    Clock clock();

    /** The taker and maker fee rates charged in {@code market}. */
    Fees fees(Market market);

    /** The account with this API key, or null. */
    SimAccount account(String apiKey);

    /** The instrument, or null when the exchange has no such symbol in that market. */
    Instrument instrument(Market market, String symbol);

    List<Instrument> instruments(Market market);

    /** The current book, {@code depth} levels a side. */
    BookView book(Market market, String symbol, int depth);

    /** The first REST snapshot the recording holds, as recorded, or null. */
    String recordedSnapshot(Market market, String symbol);

    /** The mid price of the book, or null while it has no bid or no ask. */
    BigDecimal markPrice(Market market, String symbol);

    /**
     * Books a new order, matches what it can at once and rests the rest (GTC, post-only) or expires it
     * (market, IOC); the account's private stream hears of every step.
     *
     * @throws OrderRejectedException when the exchange refuses it; nothing is booked
     */
    Placed place(SimAccount account, OrderSpec spec);

    /**
     * Cancels the open order with that client order id (or, when it is null, exchange id).
     *
     * @param cancelTag what the private stream's cancel event carries beside the order (Binance spot's
     *                  cancel client id), or null
     * @throws OrderRejectedException {@code UNKNOWN_ORDER} when no such order is open
     */
    SimOrder cancel(SimAccount account, Market market, String symbol, String clientOrderId, Long orderId, String cancelTag);

    /** The latest order with that client order id (or exchange id), open or closed, or null. */
    SimOrder order(SimAccount account, Market market, String symbol, String clientOrderId, Long orderId);

    /** The account's open orders in the market, of one symbol or (null) all. */
    List<SimOrder> openOrders(SimAccount account, Market market, String symbol);

    /** The account's fills in the symbol, of one order or (null) all, oldest first. */
    List<SimFill> fills(SimAccount account, Market market, String symbol, Long orderId);

    /**
     * The perpetuals margin the account has free in {@code asset}: the wallet balance less the initial
     * margin of its positions and open orders.
     */
    BigDecimal availableMargin(SimAccount account, String asset);
}
