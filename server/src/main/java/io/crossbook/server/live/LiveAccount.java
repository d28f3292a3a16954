package io.crossbook.server.live;

import io.crossbook.core.exec.AccountView;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.venues.common.Balance;
import io.crossbook.venues.trading.ExchangePosition;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the risk engine reads of a live exchange account: the latest balances and positions the
 * exchange reported ({@link #update}, from a REST refresh), so exposure limits count what is really
 * held. The funding check covers spot orders, whose asset is plain; margin for perpetual orders is
 * the exchange's to judge, and it refuses with INSUFFICIENT_FUNDS.
 */
final class LiveAccount implements AccountView {
    /** One consistent reading of the account. */
    private record Snapshot(Map<String, Balance> balances, Map<String, BigDecimal> exposures) {
    }

    private final Function<String, Instrument> perpetuals;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());

    /** {@code perpetuals}: the linear instrument of an exchange symbol, to turn a position's contracts into base units (null if unknown). */
    LiveAccount(Function<String, Instrument> perpetuals) {
        this.perpetuals = perpetuals;
    }

    void update(List<Balance> balances, List<ExchangePosition> positions) {
        Map<String, Balance> byAsset = new TreeMap<>();
        Map<String, BigDecimal> exposures = new TreeMap<>();
        for (Balance b : balances) {
            byAsset.put(b.asset(), b);
            exposures.merge(b.asset(), b.free().add(b.locked()), BigDecimal::add);
        }
        for (ExchangePosition p : positions) {
            Instrument i = perpetuals.apply(p.symbol());
            if (i != null) {
                exposures.merge(i.base(), i.toBaseQty(p.qty()), BigDecimal::add);
            }
        }
        exposures.values().removeIf(v -> v.signum() == 0);
        snapshot = new Snapshot(Map.copyOf(byAsset), Map.copyOf(exposures));
    }

    @Override
    public BigDecimal exposure(String asset) {
        return snapshot.exposures().getOrDefault(asset, BigDecimal.ZERO);
    }

    @Override
    public Map<String, BigDecimal> exposures() {
        return snapshot.exposures();
    }

    @Override
    public String shortfall(Instrument instrument, OrderSide side, BigDecimal baseQty, BigDecimal price, BigDecimal fee) {
        if (instrument.market() != Market.SPOT) {
            return null;
        }
        boolean sell = side == OrderSide.SELL;
        String asset = sell ? instrument.base() : instrument.quote();
        BigDecimal needed = sell ? baseQty : baseQty.multiply(price).add(fee);
        Balance b = snapshot.balances().get(asset);
        BigDecimal free = b == null ? BigDecimal.ZERO : b.free();
        return free.compareTo(needed) >= 0 ? null
                : "needs " + needed.stripTrailingZeros().toPlainString() + " " + asset + ", "
                + free.stripTrailingZeros().toPlainString() + " free at the exchange";
    }
}
