package io.crossbook.server.live;

import io.crossbook.core.exec.AccountView;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.venues.common.Balance;
import io.crossbook.venues.trading.AccountBalances;
import io.crossbook.venues.trading.ExchangePosition;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the risk engine reads of a live exchange account: the latest balances and positions the
 * exchange reported ({@link #update}, from a REST refresh), so exposure limits count what is really
 * held and an order the account cannot fund is refused before it is sent. A spot order needs what it
 * spends free in the spot wallet, fee included. A perpetual order needs, for the part that opens or
 * grows the position, its notional times the margin rate ({@code crossbook.trading.perp-margin-rate},
 * the inverse of the leverage the account trades at) plus the fee, out of the margin the exchange
 * reports available in the settlement asset (Binance's USDⓈ-M wallet; Bybit's and OKX's one unified
 * wallet); the part that reduces a position needs none.
 */
final class LiveAccount implements AccountView {
    /** One consistent reading of the account: its balances, perpetual positions by symbol in base units, exposures. */
    private record Snapshot(AccountBalances balances, Map<String, BigDecimal> positions, Map<String, BigDecimal> exposures) {
    }

    private final Function<String, Instrument> perpetuals;
    private final BigDecimal perpMarginRate;
    private volatile Snapshot snapshot = new Snapshot(AccountBalances.unified(List.of()), Map.of(), Map.of());

    /**
     * @param perpetuals     the linear instrument of an exchange symbol, to turn a position's contracts into base units (null if unknown)
     * @param perpMarginRate the initial margin a perpetual order needs, as a fraction of its notional
     */
    LiveAccount(Function<String, Instrument> perpetuals, BigDecimal perpMarginRate) {
        this.perpetuals = perpetuals;
        this.perpMarginRate = perpMarginRate;
    }

    void update(AccountBalances balances, List<ExchangePosition> positions) {
        Map<String, BigDecimal> exposures = new TreeMap<>();
        Map<String, BigDecimal> bySymbol = new TreeMap<>();
        for (Balance b : balances.holdings()) {
            exposures.merge(b.asset(), b.free().add(b.locked()), BigDecimal::add);
        }
        for (ExchangePosition p : positions) {
            Instrument i = perpetuals.apply(p.symbol());
            if (i != null) {
                BigDecimal base = i.toBaseQty(p.qty());
                exposures.merge(i.base(), base, BigDecimal::add);
                bySymbol.merge(p.symbol(), base, BigDecimal::add);
            }
        }
        exposures.values().removeIf(v -> v.signum() == 0);
        snapshot = new Snapshot(balances, Map.copyOf(bySymbol), Map.copyOf(exposures));
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
        Snapshot s = snapshot;
        return switch (instrument.market()) {
            case SPOT -> spotShortfall(s, instrument, side, baseQty, price, fee);
            case LINEAR -> marginShortfall(s, instrument, side, baseQty, price, fee);
            case INVERSE -> null; // coin-margined contracts are not traded
        };
    }

    private static String spotShortfall(Snapshot s, Instrument instrument, OrderSide side, BigDecimal baseQty, BigDecimal price,
                                        BigDecimal fee) {
        boolean sell = side == OrderSide.SELL;
        String asset = sell ? instrument.base() : instrument.quote();
        BigDecimal needed = sell ? baseQty : baseQty.multiply(price).add(fee);
        BigDecimal free = s.balances().spot().stream().filter(b -> b.asset().equals(asset)).map(Balance::free)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return free.compareTo(needed) >= 0 ? null : missing(needed, asset, free, "free at the exchange");
    }

    private String marginShortfall(Snapshot s, Instrument instrument, OrderSide side, BigDecimal baseQty, BigDecimal price,
                                   BigDecimal fee) {
        BigDecimal before = s.positions().getOrDefault(instrument.symbol(), BigDecimal.ZERO);
        BigDecimal after = side == OrderSide.BUY ? before.add(baseQty) : before.subtract(baseQty);
        boolean flips = before.signum() != 0 && after.signum() == -before.signum();
        BigDecimal opened = flips ? after.abs() : after.abs().subtract(before.abs()).max(BigDecimal.ZERO);
        if (opened.signum() == 0) {
            return null;
        }
        String asset = instrument.quote();
        BigDecimal needed = opened.multiply(price).multiply(perpMarginRate).add(fee);
        BigDecimal available = s.balances().availableMargin(asset);
        return available.compareTo(needed) >= 0 ? null : missing(needed, asset, available, "available as margin at the exchange");
    }

    private static String missing(BigDecimal needed, String asset, BigDecimal have, String where) {
        return "needs " + needed.stripTrailingZeros().toPlainString() + " " + asset + ", " + have.stripTrailingZeros().toPlainString()
                + " " + where;
    }
}
