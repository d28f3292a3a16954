package io.crossbook.server.arbitrage;

import io.crossbook.core.arb.ArbitrageDesk;
import io.crossbook.core.arb.Opportunity;
import io.crossbook.core.engine.EngineAlert;
import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.server.events.EventSink;
import io.crossbook.store.risk.StoredAlert;
import io.crossbook.store.trading.StoredExecution;
import io.crossbook.store.trading.StoredOpportunity;
import io.crossbook.store.trading.StoredOrder;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * What the desk reports, on the engine thread, turned into API.md events for the WebSocket
 * gateway, rows for the journal and counters for the metrics. Keeps the running state of each open order, so every
 * transition is stored as the order's whole row. Never blocks: both sinks only queue.
 */
public final class DeskEvents implements ArbitrageDesk.Events {
    private static final Logger LOG = LoggerFactory.getLogger(DeskEvents.class);
    private static final Logger ALERTS = LoggerFactory.getLogger("crossbook.alerts");

    record OpportunityEvent(String pairId, double spread, double spreadPercent, double netSpreadPercent,
                            String direction, double leg1Price, double leg2Price, long ts) {
    }

    /** {@code pairId} for an arbitrage leg, {@code planId} for a plan's slice. */
    record OrderSubmitted(String exchange, String orderId, String symbol, String side, BigDecimal qty, String pairId,
                          String planId, String executionId, long ts) {
    }

    record OrderFilled(String exchange, String orderId, BigDecimal price, BigDecimal qty, String pairId, String planId,
                       long ts) {
    }

    record OrderFailed(String exchange, String orderId, String code, String message, String pairId, String planId,
                       long ts) {
    }

    private final Supplier<EventSink> sink;
    private final TradingJournal journal;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Map<String, StoredOrder> orders = new HashMap<>();
    /** Executions with a stored "running" row, until they finish. */
    private final Set<String> running = new HashSet<>();
    private long opportunitySequence;

    DeskEvents(Supplier<EventSink> sink, TradingJournal journal, ObjectMapper json, MeterRegistry meters) {
        this.sink = sink;
        this.journal = journal;
        this.json = json;
        this.meters = meters;
    }

    @Override
    public void opportunity(Opportunity o) {
        meters.counter("crossbook.arbitrage.opportunities", "pair", o.pairId()).increment();
        publish("opportunity", new OpportunityEvent(o.pairId(), o.spread(), o.spreadPercent(), o.netSpreadPercent(),
                o.direction().id(), o.leg1Price(), o.leg2Price(), o.ts()));
        journal.opportunity(new StoredOpportunity(o.pairId() + "-" + o.ts() + "-" + Long.toString(++opportunitySequence, 36),
                o.pairId(), o.direction().id(), o.spread(), o.spreadPercent(), o.netSpreadPercent(), o.leg1Price(),
                o.leg2Price(), o.qty(), o.ts()));
    }

    @Override
    public void orderSubmitted(String pairId, String executionId, OrderRequest order, long ts) {
        if (running.add(executionId)) {
            journal.execution(new StoredExecution(executionId, pairId, StoredExecution.ARBITRAGE, "running", null, null,
                    BigDecimal.ZERO, null, null, null, null, "[]", null, ts, null));
        }
        submitted(pairId, null, executionId, order, ts);
    }

    @Override
    public void orderEvent(String pairId, String executionId, OrderRequest order, OrderEvent event) {
        event(pairId, null, order, event);
    }

    /** An order sent: its row, stored at once and on every transition after, and {@code order_submitted}. */
    public void submitted(String pairId, String planId, String executionId, OrderRequest order, long ts) {
        StoredOrder row = new StoredOrder(order.clientOrderId(), executionId, order.instrument().venue().id(),
                order.instrument().market().id(), order.instrument().symbol(), order.side().id(),
                order.type().name().toLowerCase(Locale.ROOT), order.timeInForce().name().toLowerCase(Locale.ROOT), order.qty(), order.limitPrice(),
                StoredOrder.SUBMITTED, null, BigDecimal.ZERO, null, BigDecimal.ZERO, null, null, null, ts, ts);
        orders.put(order.clientOrderId(), row);
        journal.order(row);
        publish("order_submitted", new OrderSubmitted(order.instrument().venue().id(), order.clientOrderId(),
                order.instrument().symbol(), order.side().id(), order.qty(), pairId, planId, executionId, ts));
    }

    /** What became of an order: its row's new state, and {@code order_filled} or {@code order_failed}. */
    public void event(String pairId, String planId, OrderRequest order, OrderEvent event) {
        StoredOrder row = orders.get(order.clientOrderId());
        if (row == null) {
            return;
        }
        String exchange = order.instrument().venue().id();
        meters.counter("crossbook.orders.events", "exchange", exchange, "event",
                event.getClass().getSimpleName().toLowerCase(Locale.ROOT)).increment();
        StoredOrder next = switch (event) {
            case OrderEvent.Accepted a -> with(row, StoredOrder.ACCEPTED, a.exchangeOrderId(), row.filledQty(),
                    row.avgPrice(), row.fee(), row.feeAsset(), null, null, a.ts());
            case OrderEvent.Filled f -> {
                BigDecimal filled = row.filledQty().add(f.qty());
                BigDecimal avg = (row.avgPrice() == null ? BigDecimal.ZERO : row.avgPrice().multiply(row.filledQty()))
                        .add(f.price().multiply(f.qty())).divide(filled, MathContext.DECIMAL128).stripTrailingZeros();
                publish("order_filled", new OrderFilled(exchange, order.clientOrderId(), f.price(), f.qty(), pairId, planId, f.ts()));
                yield with(row, StoredOrder.PARTIALLY_FILLED, f.exchangeOrderId(), filled, avg, row.fee().add(f.fee()),
                        f.feeAsset(), null, null, f.ts());
            }
            case OrderEvent.Closed c -> {
                boolean complete = c.filledQty().compareTo(order.qty()) >= 0;
                yield with(row, complete ? StoredOrder.FILLED : StoredOrder.CANCELLED, c.exchangeOrderId(), row.filledQty(),
                        row.avgPrice(), row.fee(), row.feeAsset(), null, complete ? null : c.reason(), c.ts());
            }
            case OrderEvent.Rejected r -> {
                publish("order_failed", new OrderFailed(exchange, order.clientOrderId(), r.code(), r.message(), pairId, planId, r.ts()));
                yield with(row, StoredOrder.REJECTED, row.exchangeOrderId(), row.filledQty(), row.avgPrice(), row.fee(),
                        row.feeAsset(), r.code(), r.message(), r.ts());
            }
        };
        if (event instanceof OrderEvent.Closed || event instanceof OrderEvent.Rejected) {
            orders.remove(order.clientOrderId());
        } else {
            orders.put(order.clientOrderId(), next);
        }
        journal.order(next);
    }

    @Override
    public void executionFinished(ArbitrageDesk.PairExecution execution) {
        ExecutionView v = ExecutionView.of(execution);
        meters.counter("crossbook.arbitrage.executions", "pair", v.pairId(), "outcome", v.outcome()).increment();
        running.remove(v.executionId());
        journal.execution(new StoredExecution(v.executionId(), v.pairId(), StoredExecution.ARBITRAGE, "finished",
                v.outcome(), v.direction(), v.hedgedQty(), v.spread(), v.spreadPercent(), v.pnl(), v.fees(),
                json.writeValueAsString(List.of(v.leg1(), v.leg2())), v.detail(), v.startedTs(), v.ts()));
        LOG.info("execution {} of {} {}: pnl {}, fees {}", v.executionId(), v.pairId(), v.outcome(), v.pnl(), v.fees());
    }

    @Override
    public void alert(EngineAlert alert) {
        meters.counter("crossbook.engine.alerts", "severity", alert.severity(), "code", alert.code()).increment();
        ALERTS.warn("{} {} {}: {}", alert.severity(), alert.code(), alert.pairId(), alert.message());
        publish("engine_alert", alert);
        journal.alert(new StoredAlert(UUID.randomUUID().toString(), alert.severity(),
                alert.code(), alert.rule(), alert.message(), alert.pairId(), alert.venue(), alert.ts()));
    }

    public void publish(String event, Object data) {
        EventSink s = sink.get();
        if (s != null) {
            s.publish(event, data);
        }
    }

    private static StoredOrder with(StoredOrder o, String state, String exchangeOrderId, BigDecimal filled, BigDecimal avg,
                                    BigDecimal fee, String feeAsset, String code, String message, long ts) {
        return new StoredOrder(o.clientOrderId(), o.executionId(), o.exchange(), o.market(), o.symbol(), o.side(), o.type(),
                o.timeInForce(), o.qty(), o.limitPrice(), state, exchangeOrderId == null ? o.exchangeOrderId() : exchangeOrderId,
                filled, avg, fee, feeAsset, code, message, o.createdTs(), ts);
    }
}
