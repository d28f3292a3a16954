package io.crossbook.core.exec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Order events as they arrive, rendered one a line with exact numbers and the time since T0. */
final class EventLog implements OrderListener {
    private final List<OrderEvent> events = new ArrayList<>();

    @Override
    public void on(OrderEvent event) {
        events.add(event);
    }

    List<OrderEvent> events() {
        return events;
    }

    List<String> lines() {
        return events.stream().map(EventLog::render).toList();
    }

    static String render(OrderEvent event) {
        String at = " at +" + (event.ts() - ManualScheduler.T0 / 1_000_000) + "ms";
        return switch (event) {
            case OrderEvent.Accepted a -> a.clientOrderId() + " accepted " + a.exchangeOrderId() + at;
            case OrderEvent.Filled f -> f.clientOrderId() + " filled " + plain(f.qty()) + " @ " + plain(f.price())
                    + " fee " + plain(f.fee()) + " " + f.feeAsset() + at;
            case OrderEvent.Closed c -> c.clientOrderId() + " closed " + plain(c.filledQty()) + ": " + c.reason() + at;
            case OrderEvent.Rejected r -> r.clientOrderId() + " rejected " + r.code() + ": " + r.message() + at;
        };
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
