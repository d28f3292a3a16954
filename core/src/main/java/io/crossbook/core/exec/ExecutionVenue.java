package io.crossbook.core.exec;

import io.crossbook.core.model.Venue;

/**
 * Where orders go: paper accounts now, the exchange's trading API with keys. The engine cannot
 * tell them apart. Calls come from the engine thread and never block it; every
 * {@link OrderEvent} about an order is delivered to that order's listener on the engine thread,
 * after {@link #submit} has returned.
 */
public interface ExecutionVenue {
    Venue venue();

    void submit(OrderRequest order, OrderListener listener);

    /** Asks the venue to cancel an order still open; the outcome arrives as the order's events. */
    void cancel(String clientOrderId);
}
