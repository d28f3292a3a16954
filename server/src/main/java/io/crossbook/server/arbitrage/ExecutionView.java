package io.crossbook.server.arbitrage;

import io.crossbook.core.arb.ArbitrageDesk.PairExecution;
import io.crossbook.core.exec.ExecutionResult;
import io.crossbook.core.model.OrderSide;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * One execution of a pair as the API shows it: API.md's execute result ({@code pairId}, two legs
 * with {@code exchange, orderId, success, price, qty}, {@code spread}, {@code spreadPercent},
 * {@code pnl}, {@code ts}) plus how it ended, its fees and every order of each leg. Prices, fees
 * and P&L are exact decimals in the quote currency; {@code spread} is the sell leg's average
 * price minus the buy leg's, {@code spreadPercent} that in percent of their mid.
 */
public record ExecutionView(String executionId, String pairId, String direction, boolean automatic, String outcome,
                            Leg leg1, Leg leg2, BigDecimal spread, Double spreadPercent, BigDecimal hedgedQty,
                            BigDecimal fees, BigDecimal pnl, String detail, long startedTs, long ts) {

    /**
     * One leg: {@code orderId} is its first order's client id, {@code price} the average of all its
     * fills, {@code qty} its net filled quantity in the base currency.
     */
    public record Leg(String exchange, String type, String symbol, String side, String orderId, String exchangeOrderId,
                      boolean success, BigDecimal price, BigDecimal qty, BigDecimal fees, List<String> orders,
                      String code, String message) {
    }

    static ExecutionView of(PairExecution e) {
        ExecutionResult r = e.result();
        Leg leg1 = leg(r.first());
        Leg leg2 = leg(r.second());
        Leg buy = r.first().side() == OrderSide.BUY ? leg1 : leg2;
        Leg sell = buy == leg1 ? leg2 : leg1;
        BigDecimal spread = null;
        Double spreadPercent = null;
        if (buy.price() != null && sell.price() != null) {
            spread = sell.price().subtract(buy.price());
            BigDecimal mid = buy.price().add(sell.price()).divide(BigDecimal.TWO);
            spreadPercent = spread.multiply(BigDecimal.valueOf(100)).divide(mid, MathContext.DECIMAL64).doubleValue();
        }
        return new ExecutionView(r.executionId(), e.pairId(), e.direction().id(), e.automatic(),
                r.outcome().name().toLowerCase(Locale.ROOT), leg1, leg2, spread, spreadPercent,
                r.hedgedBaseQty(), r.fees(), r.pnl(), r.detail(), r.startedTs(), r.finishedTs());
    }

    /** A leg as the API shows it. */
    public static Leg leg(ExecutionResult.LegResult l) {
        return new Leg(l.instrument().venue().id(), l.instrument().market().id(), l.instrument().symbol(), l.side().id(),
                l.clientOrderIds().isEmpty() ? null : l.clientOrderIds().getFirst(), l.exchangeOrderId(), l.success(),
                l.averagePrice(), l.filledBaseQty(), l.fees(), l.clientOrderIds(), l.failureCode(), l.failureMessage());
    }
}
