package io.crossbook.server.twap;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import io.crossbook.core.twap.TwapLeg;
import io.crossbook.core.twap.TwapPlan;
import io.crossbook.server.api.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a {@link TwapRequest} into a {@link TwapPlan}, or refuses it with a
 * {@code VALIDATION_ERROR} whose message starts with the offending field: one or two legs on known
 * instruments (two: a buy and a sell of the same base), a slice no larger than the total, both
 * whole lots of every leg and at least its minimum quantity — the slice and the last slice's
 * remainder alike — and, against the live books when there are some (or a limit leg's price), at
 * least its minimum notional; an interval no shorter than the configured minimum, and no more
 * slices than the configured maximum.
 */
final class TwapValidator {
    private static final int MAX_NAME = 128;

    private final Function<InstrumentId, Optional<Instrument>> instruments;
    private final Function<InstrumentId, BigDecimal> referencePrice;
    private final TwapProperties limits;

    /**
     * @param instruments    the exchange's metadata of an instrument, if it is collected and known
     * @param referencePrice a live mid price of an instrument, or null when its book is not in sync
     */
    TwapValidator(Function<InstrumentId, Optional<Instrument>> instruments,
                  Function<InstrumentId, BigDecimal> referencePrice, TwapProperties limits) {
        this.instruments = instruments;
        this.referencePrice = referencePrice;
        this.limits = limits;
    }

    TwapPlan validate(String id, TwapRequest r) {
        String name = r.name() == null || r.name().isBlank() ? id : r.name().strip();
        if (name.length() > MAX_NAME) {
            throw ApiException.validation("name: at most " + MAX_NAME + " characters, not " + name.length());
        }
        BigDecimal total = positive("totalQty", r.totalQty());
        BigDecimal slice = positive("sliceQty", r.sliceQty());
        if (slice.compareTo(total) > 0) {
            throw ApiException.validation("sliceQty: " + plain(slice) + " is more than totalQty " + plain(total));
        }
        if (r.intervalMs() == null) {
            throw ApiException.validation("intervalMs: is required");
        }
        if (r.intervalMs() < limits.minInterval().toMillis()) {
            throw ApiException.validation("intervalMs: " + r.intervalMs() + " is below the minimum "
                    + limits.minInterval().toMillis() + " (crossbook.twap.min-interval)");
        }
        BigDecimal slices = total.divide(slice, 0, RoundingMode.CEILING);
        if (slices.compareTo(BigDecimal.valueOf(limits.maxSlices())) > 0) {
            throw ApiException.validation("sliceQty: " + plain(slice) + " splits totalQty " + plain(total) + " into "
                    + slices.toPlainString() + " slices, more than the " + limits.maxSlices() + " allowed (crossbook.twap.max-slices)");
        }
        if (r.legs() == null || r.legs().isEmpty() || r.legs().size() > 2) {
            throw ApiException.validation("legs: one or two legs are required ({exchange, symbol, side, type}), not "
                    + (r.legs() == null ? 0 : r.legs().size()));
        }
        List<TwapLeg> legs = new ArrayList<>();
        for (int i = 0; i < r.legs().size(); i++) {
            legs.add(leg("legs[" + i + "]", r.legs().get(i)));
        }
        if (legs.size() == 2) {
            TwapLeg a = legs.get(0);
            TwapLeg b = legs.get(1);
            if (a.side() == b.side()) {
                throw ApiException.validation("legs[1].side: a two-legged plan buys on one leg and sells on the other; both "
                        + a.side().id());
            }
            if (a.instrument().id().equals(b.instrument().id())) {
                throw ApiException.validation("legs[1]: must differ from legs[0] (both are " + a.instrument().id() + ")");
            }
            if (!a.instrument().base().equals(b.instrument().base())) {
                throw ApiException.validation("legs[1].symbol: " + b.instrument().id() + " trades " + b.instrument().base()
                        + " but legs[0] " + a.instrument().id() + " trades " + a.instrument().base());
            }
        } else if (r.maxAdverseSpreadPercent() != null) {
            throw ApiException.validation("maxAdverseSpreadPercent: applies to two-legged plans only");
        }
        BigDecimal remainder = total.remainder(slice);
        for (int i = 0; i < legs.size(); i++) {
            sizes("legs[" + i + "]", legs.get(i), "sliceQty", slice);
            if (remainder.signum() > 0) {
                sizes("legs[" + i + "]", legs.get(i), "totalQty", remainder);
            }
        }
        return new TwapPlan(id, name, total, slice, r.intervalMs(), legs, r.maxAdverseSpreadPercent());
    }

    /** A leg as the API and the plans table show it, from the plan: the inverse of {@link #leg}. */
    static TwapRequest.Leg view(TwapLeg leg) {
        Instrument i = leg.instrument();
        return new TwapRequest.Leg(i.venue().id(), i.symbol(), leg.side().id(), leg.limitPrice() == null ? "market" : "limit",
                i.market().id(), leg.limitPrice());
    }

    /**
     * {@code qty} (the slice, or the last slice's remainder, which {@code field} names) must be
     * whole lots of the leg, at least its minimum quantity and, at a known price, its minimum notional.
     */
    private void sizes(String leg, TwapLeg l, String field, BigDecimal qty) {
        Instrument i = l.instrument();
        String what = field.equals("sliceQty") ? "sliceQty " + plain(qty) : "the last slice's remainder " + plain(qty);
        BigDecimal units = i.toOrderQty(qty);
        if (!i.isWholeLots(units)) {
            throw ApiException.validation(field + ": " + what + " is not a whole number of " + i.id() + " lots (lot size "
                    + plain(i.lotSize()) + ")");
        }
        if (units.compareTo(i.minQty()) < 0) {
            throw ApiException.validation(field + ": " + what + " is below " + i.id() + "'s minimum quantity "
                    + plain(i.minQty()));
        }
        BigDecimal price = l.limitPrice() != null ? l.limitPrice() : referencePrice.apply(i.id());
        if (price != null && qty.multiply(price).compareTo(i.minNotional()) < 0) {
            throw ApiException.validation(field + ": " + what + " at " + plain(price) + " is "
                    + qty.multiply(price).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " " + i.quote()
                    + ", below " + i.id() + "'s minimum notional " + plain(i.minNotional()) + " (" + leg + ")");
        }
    }

    private TwapLeg leg(String field, TwapRequest.Leg leg) {
        if (leg == null) {
            throw ApiException.validation(field + ": is required ({exchange, symbol, side, type})");
        }
        Venue venue = parse(field + ".exchange", leg.exchange(), Venue::parse);
        OrderSide side = parse(field + ".side", leg.side(), OrderSide::parse);
        String type = leg.type() == null ? "market" : leg.type().toLowerCase(Locale.ROOT);
        Market market = leg.market() == null ? Market.SPOT : parse(field + ".market", leg.market(), Market::parse);
        switch (type) {
            case "market" -> {
                if (leg.price() != null) {
                    throw ApiException.validation(field + ".price: a market leg has no price; make it a limit leg");
                }
            }
            case "limit" -> positive(field + ".price", leg.price());
            case "spot", "linear", "inverse" -> throw ApiException.validation(field + ".type: '" + type
                    + "' is a market: give it as market, and type as the order type (market or limit)");
            default -> throw ApiException.validation(field + ".type: must be market or limit, not '" + leg.type() + "'");
        }
        if (market == Market.INVERSE) {
            throw ApiException.validation(field + ".market: inverse (coin-margined) legs are not supported by TWAP yet");
        }
        if (leg.symbol() == null || leg.symbol().isBlank()) {
            throw ApiException.validation(field + ".symbol: is required");
        }
        InstrumentId id = new InstrumentId(venue, market, leg.symbol());
        Instrument instrument = instruments.apply(id).orElseThrow(() -> ApiException.validation(field + ".symbol: " + id
                + " is not a known instrument: it must be collected (crossbook.market-data.feeds) and listed by the exchange"));
        return new TwapLeg(instrument, side, leg.price());
    }

    private static <T> T parse(String field, String value, Function<String, T> parser) {
        if (value == null) {
            throw ApiException.validation(field + ": is required");
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(field + ": " + e.getMessage());
        }
    }

    private static BigDecimal positive(String field, BigDecimal value) {
        if (value == null) {
            throw ApiException.validation(field + ": is required");
        }
        if (value.signum() <= 0) {
            throw ApiException.validation(field + ": must be positive, not " + value.toPlainString());
        }
        return value;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
