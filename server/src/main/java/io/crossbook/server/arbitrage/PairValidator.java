package io.crossbook.server.arbitrage;

import io.crossbook.core.arb.Direction;
import io.crossbook.core.arb.PairConfig;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.server.api.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a {@link PairRequest} into a {@link PairConfig}, or refuses it with a
 * {@code VALIDATION_ERROR} whose message starts with the offending field: both instruments known
 * to their exchange, different legs of the same base and quote, a positive threshold, a qty of
 * whole lots and at least the minimum quantity on both venues, and — against the live books when
 * there are some — the minimum notional on both venues and a {@code totalAmount} of at least one
 * trade's notional.
 */
final class PairValidator {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Function<InstrumentId, Optional<Instrument>> instruments;
    private final Function<InstrumentId, BigDecimal> referencePrice;

    /**
     * @param instruments    the exchange's metadata of an instrument, if it is collected and known
     * @param referencePrice a live mid price of an instrument, or null when its book is not in sync
     */
    PairValidator(Function<InstrumentId, Optional<Instrument>> instruments,
                  Function<InstrumentId, BigDecimal> referencePrice) {
        this.instruments = instruments;
        this.referencePrice = referencePrice;
    }

    PairConfig validate(String id, PairRequest r) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ApiException.validation("id: must be 1 to 64 letters, digits, '_' or '-', not " + quoted(id));
        }
        Instrument leg1 = leg("leg1", r.leg1());
        Instrument leg2 = leg("leg2", r.leg2());
        if (leg1.id().equals(leg2.id())) {
            throw ApiException.validation("leg2: must differ from leg1 (both are " + leg1.id() + ")");
        }
        if (!leg1.base().equals(leg2.base()) || !leg1.quote().equals(leg2.quote())) {
            throw ApiException.validation("leg2.symbol: " + leg2.id() + " trades " + leg2.base() + "/" + leg2.quote()
                    + " but leg1 " + leg1.id() + " trades " + leg1.base() + "/" + leg1.quote());
        }
        BigDecimal threshold = positive("threshold", r.threshold());
        BigDecimal qty = positive("qty", r.qty());
        BigDecimal totalAmount = positive("totalAmount", r.totalAmount());
        Direction direction;
        try {
            direction = r.direction() == null ? Direction.AUTO : Direction.parse(r.direction());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("direction: " + e.getMessage());
        }
        BigDecimal tradeNotional = BigDecimal.ZERO;
        for (Instrument leg : new Instrument[] {leg1, leg2}) {
            BigDecimal units = leg.toOrderQty(qty);
            if (!leg.isWholeLots(units)) {
                throw ApiException.validation("qty: " + qty.toPlainString() + " is not a whole number of " + leg.id()
                        + " lots (lot size " + leg.lotSize().toPlainString() + lotUnit(leg) + ")");
            }
            if (units.compareTo(leg.minQty()) < 0) {
                throw ApiException.validation("qty: " + qty.toPlainString() + " is below " + leg.id() + "'s minimum quantity "
                        + leg.minQty().toPlainString() + lotUnit(leg));
            }
            BigDecimal price = referencePrice.apply(leg.id());
            if (price != null) {
                BigDecimal notional = qty.multiply(price);
                if (notional.compareTo(leg.minNotional()) < 0) {
                    throw ApiException.validation("qty: " + qty.toPlainString() + " at " + price.toPlainString() + " is "
                            + round(notional) + " " + leg.quote() + ", below " + leg.id() + "'s minimum notional "
                            + leg.minNotional().toPlainString());
                }
                tradeNotional = tradeNotional.max(notional);
            }
        }
        if (totalAmount.compareTo(tradeNotional) < 0) {
            throw ApiException.validation("totalAmount: " + totalAmount.toPlainString() + " is below one trade's notional "
                    + round(tradeNotional) + " " + leg1.quote());
        }
        return new PairConfig(id, leg1, leg2, threshold, qty, totalAmount, direction,
                r.enabled() == null || r.enabled());
    }

    private Instrument leg(String field, PairRequest.Leg leg) {
        if (leg == null) {
            throw ApiException.validation(field + ": is required ({exchange, symbol, type})");
        }
        if (leg.exchange() == null) {
            throw ApiException.validation(field + ".exchange: is required");
        }
        if (leg.type() == null) {
            throw ApiException.validation(field + ".type: is required (spot, linear or inverse)");
        }
        Venue venue;
        Market market;
        try {
            venue = Venue.parse(leg.exchange());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(field + ".exchange: " + e.getMessage());
        }
        try {
            market = Market.parse(leg.type());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(field + ".type: " + e.getMessage());
        }
        if (market == Market.INVERSE) {
            throw ApiException.validation(field + ".type: inverse (coin-margined) legs are not supported by arbitrage yet");
        }
        if (leg.symbol() == null || leg.symbol().isBlank()) {
            throw ApiException.validation(field + ".symbol: is required");
        }
        InstrumentId id = new InstrumentId(venue, market, leg.symbol());
        return instruments.apply(id).orElseThrow(() -> ApiException.validation(field + ".symbol: " + id
                + " is not a known instrument: it must be collected (crossbook.market-data.feeds) and listed by the exchange"
                + " (or, in a replay, by the --instruments metadata)"));
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

    private static String lotUnit(Instrument i) {
        return i.contractSize().compareTo(BigDecimal.ONE) == 0 ? "" : " contracts of " + i.contractSize().toPlainString() + " " + i.base();
    }

    private static String round(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String quoted(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }
}
