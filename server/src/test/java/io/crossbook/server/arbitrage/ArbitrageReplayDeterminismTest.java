package io.crossbook.server.arbitrage;

import static io.crossbook.server.arbitrage.SpotPerpReplay.QTY;
import static io.crossbook.server.arbitrage.SpotPerpReplay.THRESHOLD;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.arb.Direction;
import io.crossbook.core.exec.ExecutionResult;
import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.server.replay.ReplayTestData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A replay is deterministic: the same recordings give the same quotes, opportunities, orders,
 * fills and P&L, byte for byte. And its paper fills are honest: each order takes the book as it
 * was one latency after it was sent, level by level, never beyond its limit, and an execution's
 * P&L is exactly the cash of its fills less their fees. Without fees (or with small ones) the
 * spot–perp basis of the excerpts clears the threshold, so the pair trades.
 */
class ArbitrageReplayDeterminismTest {
    private static final BigDecimal SLIPPAGE = ArbitrageProperties.DEFAULTS.slippage();

    @Test
    void theSameRecordingsReplayToTheSameEventsFillsAndPnl() {
        ArbitrageReplay.Config config = SpotPerpReplay.config(SpotPerpReplay.fees(BigDecimal.ZERO, BigDecimal.ZERO));

        SpotPerpReplay.Run first = SpotPerpReplay.run(SpotPerpReplay.excerpts(), config);
        SpotPerpReplay.Run second = SpotPerpReplay.run(SpotPerpReplay.excerpts(), config);

        assertThat(first.events("opportunity")).as("opportunities").isNotEmpty();
        assertThat(first.events("execution")).as("executions").isNotEmpty();
        assertThat(first.log()).as("fills").anyMatch(line -> line.contains("Filled["));
        assertThat(second.log()).containsExactlyElementsOf(first.log());
        assertThat(second.report().pairs()).isEqualTo(first.report().pairs());
        assertThat(second.report().instruments()).isEqualTo(first.report().instruments());
    }

    static Stream<Arguments> fees() {
        return Stream.of(Arguments.of("no fees", BigDecimal.ZERO, BigDecimal.ZERO),
                Arguments.of("1 bp on each leg", new BigDecimal("0.0001"), new BigDecimal("0.0001")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fees")
    void paperOrdersTakeTheBookAsItIsOneLatencyAfterTheyAreSent(String name, BigDecimal spotFee, BigDecimal linearFee) {
        SpotPerpReplay.Run run = SpotPerpReplay.run(SpotPerpReplay.excerpts(),
                SpotPerpReplay.config(SpotPerpReplay.fees(spotFee, linearFee)));
        List<ReferenceMarket.State> states = new ArrayList<>();
        ReferenceMarket.replay(ReplayTestData.SPOT_EXCERPT, false, ReplayTestData.USDM_EXCERPT, true,
                ArbitrageProperties.DEFAULTS.bookDepth(), states::add);
        assertThat(run.quotes()).as("one quote per book update").hasSameSizeAs(states);
        Map<String, Order> orders = orders(run);
        List<ExecutionResult> executions = run.events("execution").stream().map(e -> (ExecutionResult) e.data()).toList();
        assertThat(executions).isNotEmpty();

        for (Order o : orders.values()) {
            assertFilledFromTheBookAtArrival(o, states, o.request.instrument().market() == Market.SPOT ? spotFee : linearFee);
        }
        for (ExecutionResult r : executions) {
            assertEntryOrdersActOnTheirQuote(r, orders, states, spotFee, linearFee);
            assertPnlIsTheCashOfTheFillsLessFees(r, orders);
        }
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal cash = BigDecimal.ZERO;
        for (Order o : orders.values()) {
            fees = fees.add(o.fees());
            cash = cash.add(o.cash());
        }
        assertThat(run.pair().fees()).isEqualByComparingTo(fees);
        assertThat(run.pair().pnl()).isEqualByComparingTo(cash.subtract(fees));
        if (spotFee.signum() > 0) {
            assertThat(fees).as("fees are paid").isPositive();
        }
    }

    /**
     * An IOC order reaches the paper venue one latency after it was sent, in a timer that runs
     * before the next book update: its fills are the walk through the book as the last update
     * before that left it, best level first, never beyond the limit, each paying the taker rate.
     */
    private static void assertFilledFromTheBookAtArrival(Order o, List<ReferenceMarket.State> states, BigDecimal rate) {
        OrderRequest r = o.request;
        String at = r.clientOrderId() + " " + r.side() + " " + r.qty() + " " + r.instrument().id() + " limit "
                + r.limitPrice() + ": ";
        assertThat(o.rejected).as(at + "rejected").isNull();
        assertThat(o.closed).as(at + "closed").isNotNull();
        assertThat(o.arrivedAfter).as(at + "arrives in a timer after the quote it was sent on").isGreaterThan(o.sentAfter);
        boolean buy = r.side() == OrderSide.BUY;
        ReferenceBook.Top book = states.get(o.arrivedAfter - 1).leg(r.instrument().market() == Market.SPOT ? 1 : 2);
        List<String> expected = book.walk(buy, r.limitPrice(), r.qty()).stream()
                .map(l -> plain(l.price()) + " x " + plain(l.qty())).toList();
        assertThat(o.fills).extracting(f -> plain(f.price()) + " x " + plain(f.qty())).as(at + "fills")
                .containsExactlyElementsOf(expected);
        for (OrderEvent.Filled f : o.fills) {
            if (r.limitPrice() != null) {
                assertThat(f.price()).as(at + "never beyond the limit")
                        .satisfies(p -> assertThat(buy ? p.compareTo(r.limitPrice()) : r.limitPrice().compareTo(p)).isLessThanOrEqualTo(0));
            }
            assertThat(f.feeAsset()).isEqualTo(r.instrument().quote());
            assertThat(f.fee()).as(at + "fee").isEqualByComparingTo(r.instrument().toBaseQty(f.qty()).multiply(f.price()).multiply(rate));
        }
        assertThat(o.closed.filledQty()).as(at + "filledQty").isEqualByComparingTo(o.fills.stream()
                .map(OrderEvent.Filled::qty).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /**
     * An automatic execution starts on the book update whose quote clears the threshold: leg 1 buys
     * forward and sells in reverse, each leg's IOC limit is its VWAP then, moved by the slippage
     * against the order, and it arrives one latency later.
     */
    private static void assertEntryOrdersActOnTheirQuote(ExecutionResult r, Map<String, Order> orders,
                                                         List<ReferenceMarket.State> states, BigDecimal spotFee,
                                                         BigDecimal linearFee) {
        Order leg1 = orders.get(r.first().clientOrderIds().getFirst());
        Order leg2 = orders.get(r.second().clientOrderIds().getFirst());
        assertThat(leg2.sentAfter).as("both legs go out at once").isEqualTo(leg1.sentAfter);
        ReferenceMarket.State trigger = states.get(leg1.sentAfter);
        ExpectedQuote quote = ExpectedQuote.of(trigger, QTY, spotFee, linearFee);
        assertThat(quote.netSpreadPercent()).as(r.executionId() + " acts on a quote that clears").isGreaterThanOrEqualTo(THRESHOLD);
        boolean forward = quote.direction() == Direction.FORWARD;
        for (Order o : List.of(leg1, leg2)) {
            boolean buy = o.request.side() == OrderSide.BUY;
            assertThat(buy).as(o.request.clientOrderId() + " side").isEqualTo(o == leg1 == forward);
            assertThat(o.request.qty()).isEqualByComparingTo(QTY);
            BigDecimal vwap = trigger.leg(o == leg1 ? 1 : 2).vwap(buy, QTY);
            BigDecimal limit = vwap.multiply(buy ? BigDecimal.ONE.add(SLIPPAGE) : BigDecimal.ONE.subtract(SLIPPAGE));
            assertThat(o.request.limitPrice().subtract(limit).abs()).as(o.request.clientOrderId() + " limit "
                    + o.request.limitPrice() + " against " + limit).isLessThanOrEqualTo(limit.movePointLeft(9));
            long arrival = trigger.engineNanos() + SpotPerpReplay.LATENCY.toNanos();
            assertThat(states.get(o.arrivedAfter - 1).engineNanos()).as("arrives after the update before it").isLessThan(arrival);
            if (o.arrivedAfter < states.size()) {
                assertThat(states.get(o.arrivedAfter).engineNanos()).as("and no later than the next").isGreaterThanOrEqualTo(arrival);
            }
        }
    }

    private static void assertPnlIsTheCashOfTheFillsLessFees(ExecutionResult r, Map<String, Order> orders) {
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal cash = BigDecimal.ZERO;
        for (String id : Stream.concat(r.first().clientOrderIds().stream(), r.second().clientOrderIds().stream()).toList()) {
            fees = fees.add(orders.get(id).fees());
            cash = cash.add(orders.get(id).cash());
        }
        assertThat(r.fees()).as(r.executionId() + " fees").isEqualByComparingTo(fees);
        assertThat(r.pnl()).as(r.executionId() + " pnl").isEqualByComparingTo(cash.subtract(fees));
    }

    /** Every order the desk sent, by client order id in the order sent, with what happened to it. */
    private static Map<String, Order> orders(SpotPerpReplay.Run run) {
        Map<String, Order> orders = new LinkedHashMap<>();
        for (SpotPerpReplay.Event e : run.events()) {
            List<?> data = e.data() instanceof List<?> l ? l : List.of();
            if (e.name().equals("order_submitted")) {
                OrderRequest r = (OrderRequest) data.get(2);
                orders.put(r.clientOrderId(), new Order(r, e.quotesBefore()));
            } else if (e.name().equals("order_event")) {
                OrderEvent event = (OrderEvent) data.get(2);
                orders.get(event.clientOrderId()).on(event, e.quotesBefore());
            }
        }
        return orders;
    }

    /** One order: sent while the engine handled the book update of quote {@code sentAfter}, and what came of it. */
    private static final class Order {
        final OrderRequest request;
        final int sentAfter;
        final List<OrderEvent.Filled> fills = new ArrayList<>();
        int arrivedAfter = -1;
        OrderEvent.Closed closed;
        OrderEvent.Rejected rejected;

        Order(OrderRequest request, int sentAfter) {
            this.request = request;
            this.sentAfter = sentAfter;
        }

        void on(OrderEvent event, int quotesBefore) {
            switch (event) {
                case OrderEvent.Filled f -> {
                    arrived(quotesBefore);
                    fills.add(f);
                }
                case OrderEvent.Closed c -> {
                    arrived(quotesBefore);
                    closed = c;
                }
                case OrderEvent.Rejected r -> rejected = r;
                case OrderEvent.Accepted a -> {
                }
            }
        }

        private void arrived(int quotesBefore) {
            assertThat(arrivedAfter).as(request.clientOrderId() + " is matched once").isIn(-1, quotesBefore);
            arrivedAfter = quotesBefore;
        }

        /** Sells bring quantity × price, buys cost it. */
        BigDecimal cash() {
            BigDecimal cash = BigDecimal.ZERO;
            for (OrderEvent.Filled f : fills) {
                BigDecimal value = request.instrument().toBaseQty(f.qty()).multiply(f.price());
                cash = request.side() == OrderSide.SELL ? cash.add(value) : cash.subtract(value);
            }
            return cash;
        }

        BigDecimal fees() {
            return fills.stream().map(OrderEvent.Filled::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
