package io.crossbook.core.exec;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One venue's paper balances, exact. Spot trades move base and quote. Linear perpetuals are
 * margined in the quote: opening or increasing a position locks {@code notional × marginRate} of
 * the free quote, reducing it releases that margin pro rata and realises the P&L into the free
 * quote. Fees are always paid in the quote. Inverse contracts are not supported.
 *
 * <p>Owned by the engine thread. Resting orders reserve nothing: funding is checked per fill.
 */
public final class PaperAccount implements AccountView {
    /**
     * Decimal places of a pro-rata release (part of a position's cost or margin). Far below any
     * asset's precision; a full close releases exactly what is left, so nothing is lost or made.
     */
    private static final int PRO_RATA_SCALE = 18;

    /**
     * A linear-perp position: {@code qty} signed in base units (positive long), {@code cost} the
     * entry notional of the open quantity, {@code margin} the quote locked for it.
     */
    public record Position(InstrumentId instrument, BigDecimal qty, BigDecimal cost, BigDecimal margin) {
        /** The average entry price, {@code cost / |qty|}, to 34 significant digits: for display, P&L uses the cost. */
        public BigDecimal entryPrice() {
            return cost.divide(qty.abs(), MathContext.DECIMAL128).stripTrailingZeros();
        }
    }

    private final Venue venue;
    private final BigDecimal marginRate;
    private final Map<String, BigDecimal> free;
    private final Map<InstrumentId, Position> positions;
    /** The base asset of each open position's instrument. */
    private final Map<InstrumentId, String> positionBases;

    /**
     * @param perpMarginRate the initial margin as a fraction of the notional, in (0, 1]: 1 is fully
     *                       collateralised, 0.1 is 10x leverage
     */
    public PaperAccount(Venue venue, Map<String, BigDecimal> startingBalances, BigDecimal perpMarginRate) {
        this.venue = Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(startingBalances, "startingBalances");
        Objects.requireNonNull(perpMarginRate, "perpMarginRate");
        if (perpMarginRate.signum() <= 0 || perpMarginRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("perpMarginRate must be in (0, 1], was " + perpMarginRate.toPlainString());
        }
        startingBalances.forEach((asset, amount) -> {
            Objects.requireNonNull(asset, "startingBalances: asset");
            if (amount == null || amount.signum() < 0) {
                throw new IllegalArgumentException("startingBalances." + asset + " must be zero or positive, was "
                        + (amount == null ? "null" : amount.toPlainString()));
            }
        });
        this.marginRate = perpMarginRate;
        this.free = new TreeMap<>(startingBalances);
        this.positions = new LinkedHashMap<>();
        this.positionBases = new LinkedHashMap<>();
    }

    private PaperAccount(PaperAccount source) {
        this.venue = source.venue;
        this.marginRate = source.marginRate;
        this.free = new TreeMap<>(source.free);
        this.positions = new LinkedHashMap<>(source.positions);
        this.positionBases = new LinkedHashMap<>(source.positionBases);
    }

    public Venue venue() {
        return venue;
    }

    /** The free balance of an asset: zero for an asset never held. */
    public BigDecimal free(String asset) {
        return free.getOrDefault(asset, BigDecimal.ZERO);
    }

    /** A copy of the free balances, by asset. */
    public Map<String, BigDecimal> balances() {
        return new TreeMap<>(free);
    }

    /** A copy of the open perp positions: signed base quantities, long positive. */
    public Map<InstrumentId, BigDecimal> positions() {
        Map<InstrumentId, BigDecimal> copy = new LinkedHashMap<>();
        positions.forEach((id, p) -> copy.put(id, p.qty()));
        return copy;
    }

    /** The open position in a perp, or null when flat. */
    public Position position(InstrumentId instrument) {
        return positions.get(instrument);
    }

    @Override
    public BigDecimal exposure(String asset) {
        BigDecimal total = free(asset);
        for (Map.Entry<InstrumentId, Position> p : positions.entrySet()) {
            if (asset.equals(positionBases.get(p.getKey()))) {
                total = total.add(p.getValue().qty());
            }
        }
        return total;
    }

    @Override
    public Map<String, BigDecimal> exposures() {
        Map<String, BigDecimal> all = new TreeMap<>();
        free.forEach((asset, qty) -> all.merge(asset, qty, BigDecimal::add));
        positions.forEach((id, p) -> all.merge(positionBases.get(id), p.qty(), BigDecimal::add));
        all.values().removeIf(qty -> qty.signum() == 0);
        return all;
    }

    @Override
    public String shortfall(Instrument instrument, OrderSide side, BigDecimal baseQty, BigDecimal price,
                            BigDecimal fee) {
        Settlement s = settlement(instrument, side, baseQty, price, fee);
        return fundable(s) ? null : "needs " + plain(s.fundingDelta().negate()) + " " + s.fundingAsset() + ", "
                + plain(free(s.fundingAsset())) + " free";
    }

    /** The asset a trade draws on: the base for a spot sell, the quote otherwise. */
    public String fundingAsset(Instrument instrument, OrderSide side) {
        return instrument.market() == Market.SPOT && side == OrderSide.SELL ? instrument.base() : instrument.quote();
    }

    /** True when the free balance can pay for this fill. */
    public boolean canApply(Instrument instrument, OrderSide side, BigDecimal baseQty, BigDecimal price, BigDecimal fee) {
        return fundable(settlement(instrument, side, baseQty, price, fee));
    }

    /**
     * Books a fill of {@code baseQty} at {@code price} paying {@code fee} in the quote. Throws
     * {@link IllegalStateException} naming the shortfall, changing nothing, when it cannot be paid.
     */
    public void apply(Instrument instrument, OrderSide side, BigDecimal baseQty, BigDecimal price, BigDecimal fee) {
        Settlement s = settlement(instrument, side, baseQty, price, fee);
        if (!fundable(s)) {
            throw new IllegalStateException("insufficient " + s.fundingAsset() + ": the fill "
                    + shortfall(instrument, side, baseQty, price, fee));
        }
        commit(s);
    }

    /** A copy to price a whole order on, with {@link #applyAllowingOverdraft}, without touching this account. */
    PaperAccount copy() {
        return new PaperAccount(this);
    }

    /** Books a fill even if the balance goes negative: only on a {@link #copy}, to measure what an order needs. */
    void applyAllowingOverdraft(Instrument instrument, OrderSide side, BigDecimal baseQty, BigDecimal price,
                                BigDecimal fee) {
        commit(settlement(instrument, side, baseQty, price, fee));
    }

    /**
     * What a fill does to the account: {@code fundingDelta} on the asset it draws on,
     * {@code proceedsDelta} on the asset it credits (spot only), and the position it leaves (perps only).
     */
    private record Settlement(String fundingAsset, BigDecimal fundingDelta, String proceedsAsset,
                              BigDecimal proceedsDelta, Instrument instrument, Position position) {
    }

    private boolean fundable(Settlement s) {
        return free(s.fundingAsset()).add(s.fundingDelta()).signum() >= 0;
    }

    private Settlement settlement(Instrument instrument, OrderSide side, BigDecimal baseQty, BigDecimal price,
                                  BigDecimal fee) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        requireNonNegative(fee, "fee");
        if (instrument.venue() != venue) {
            throw new IllegalArgumentException("instrument " + instrument.id() + " is not on " + venue.id());
        }
        if (baseQty == null || baseQty.signum() <= 0) {
            throw new IllegalArgumentException("baseQty must be positive, was " + baseQty);
        }
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive, was " + price);
        }
        BigDecimal notional = baseQty.multiply(price);
        return switch (instrument.market()) {
            case SPOT -> side == OrderSide.BUY
                    ? new Settlement(instrument.quote(), notional.add(fee).negate(), instrument.base(), baseQty,
                            null, null)
                    : new Settlement(instrument.base(), baseQty.negate(), instrument.quote(), notional.subtract(fee),
                            null, null);
            case LINEAR -> perpSettlement(instrument, side, baseQty, price, fee);
            case INVERSE -> throw new UnsupportedOperationException(
                    "paper trading does not support inverse contracts: " + instrument.id());
        };
    }

    private Settlement perpSettlement(Instrument instrument, OrderSide side, BigDecimal baseQty, BigDecimal price,
                                      BigDecimal fee) {
        InstrumentId id = instrument.id();
        Position before = positions.get(id);
        BigDecimal heldQty = before == null ? BigDecimal.ZERO : before.qty();
        BigDecimal cost = before == null ? BigDecimal.ZERO : before.cost();
        BigDecimal margin = before == null ? BigDecimal.ZERO : before.margin();
        BigDecimal signedQty = side == OrderSide.BUY ? baseQty : baseQty.negate();
        BigDecimal quoteDelta = fee.negate();
        BigDecimal opened = baseQty;
        if (heldQty.signum() != 0 && heldQty.signum() != signedQty.signum()) {
            BigDecimal held = heldQty.abs();
            BigDecimal closed = baseQty.min(held);
            boolean all = closed.compareTo(held) == 0;
            BigDecimal releasedCost = all ? cost : proRata(cost, closed, held);
            BigDecimal releasedMargin = all ? margin : proRata(margin, closed, held);
            BigDecimal exitValue = closed.multiply(price);
            BigDecimal pnl = heldQty.signum() > 0 ? exitValue.subtract(releasedCost) : releasedCost.subtract(exitValue);
            quoteDelta = quoteDelta.add(releasedMargin).add(pnl);
            cost = cost.subtract(releasedCost);
            margin = margin.subtract(releasedMargin);
            opened = baseQty.subtract(closed);
        }
        if (opened.signum() > 0) {
            BigDecimal openCost = opened.multiply(price);
            BigDecimal openMargin = openCost.multiply(marginRate);
            quoteDelta = quoteDelta.subtract(openMargin);
            cost = cost.add(openCost);
            margin = margin.add(openMargin);
        }
        BigDecimal qtyAfter = heldQty.add(signedQty);
        Position after = qtyAfter.signum() == 0 ? null : new Position(id, qtyAfter, cost, margin);
        return new Settlement(instrument.quote(), quoteDelta, null, null, instrument, after);
    }

    private static BigDecimal proRata(BigDecimal amount, BigDecimal part, BigDecimal whole) {
        return amount.multiply(part)
                .divide(whole, Math.max(PRO_RATA_SCALE, amount.scale()), RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }

    private void commit(Settlement s) {
        free.merge(s.fundingAsset(), s.fundingDelta(), BigDecimal::add);
        if (s.proceedsAsset() != null) {
            free.merge(s.proceedsAsset(), s.proceedsDelta(), BigDecimal::add);
        }
        if (s.instrument() != null) {
            InstrumentId id = s.instrument().id();
            if (s.position() == null) {
                positions.remove(id);
                positionBases.remove(id);
            } else {
                positions.put(id, s.position());
                positionBases.put(id, s.instrument().base());
            }
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static void requireNonNegative(BigDecimal value, String name) {
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException(name + " must be zero or positive, was " + value);
        }
    }
}
