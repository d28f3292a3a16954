package io.crossbook.core.exec;

import io.crossbook.core.engine.EngineClock;
import io.crossbook.core.engine.Scheduler;
import io.crossbook.core.exec.ExecutionResult.LegResult;
import io.crossbook.core.exec.ExecutionResult.Outcome;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.OrderSide;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Executes one leg, or two legs that must end up with the same filled base quantity: an
 * arbitrage's two sides, or one slice of a plan. It never leaves one of two legs filled and the
 * other not, except when trading the excess back itself fails, which it reports as
 * {@link Outcome#IMBALANCED}.
 *
 * <p>The legs go out at once as limit IOC orders at the expected price plus or minus the
 * slippage, never beyond a leg's {@code worstPrice}. An order still open after {@code legTimeout}
 * is cancelled, and the execution waits for its close to learn what filled. A single leg is then
 * over. Once all orders are over and the legs differ, the short leg is
 * retried for the difference at the same limit (never chasing the price), up to {@code maxRetries}
 * times within {@code hedgeWindow} of the first close; what is still unhedged then is unwound on the
 * long leg with a market IOC order on the opposite side. Quantities are rounded down to each leg's
 * lot; a difference below both lots is reported, not traded.
 *
 * <p>Client order ids are deterministic and alphanumeric: the execution id, {@code a} or {@code b}
 * for the leg, {@code u} for an unwind, and a count per leg and kind, as in {@code <id>a1},
 * {@code <id>b1}, a retry {@code <id>b2}, an unwind {@code <id>au1}. Runs on the engine thread.
 */
public final class LegExecution {
    private static final Pattern EXECUTION_ID = Pattern.compile("[A-Za-z0-9]{1,24}");
    private static final long UNSET = Long.MIN_VALUE;

    public enum State {
        NEW, WORKING, HEDGING, UNWINDING, DONE
    }

    /**
     * One leg to trade: {@code baseQty} in the base currency, {@code expectedPrice} where the
     * opportunity was seen, {@code worstPrice} the price it must never trade beyond (a plan's limit
     * price), or null for none.
     */
    public record Leg(ExecutionVenue venue, Instrument instrument, OrderSide side, BigDecimal baseQty,
                      BigDecimal expectedPrice, BigDecimal worstPrice) {
        /** A leg bounded by the slippage alone. */
        public Leg(ExecutionVenue venue, Instrument instrument, OrderSide side, BigDecimal baseQty,
                   BigDecimal expectedPrice) {
            this(venue, instrument, side, baseQty, expectedPrice, null);
        }

        public Leg {
            Objects.requireNonNull(venue, "venue");
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(side, "side");
            if (baseQty == null || baseQty.signum() <= 0) {
                throw new IllegalArgumentException("baseQty must be positive, was " + baseQty);
            }
            if (expectedPrice == null || expectedPrice.signum() <= 0) {
                throw new IllegalArgumentException("expectedPrice must be positive, was " + expectedPrice);
            }
            if (worstPrice != null && worstPrice.signum() <= 0) {
                throw new IllegalArgumentException("worstPrice must be positive, was " + worstPrice);
            }
            if (venue.venue() != instrument.venue()) {
                throw new IllegalArgumentException("instrument " + instrument.id() + " is not on " + venue.venue().id());
            }
            BigDecimal orderQty;
            try {
                orderQty = instrument.toOrderQty(baseQty);
            } catch (ArithmeticException | UnsupportedOperationException e) {
                throw new IllegalArgumentException("baseQty " + baseQty.toPlainString() + " cannot be ordered on "
                        + instrument.id() + ": " + e.getMessage(), e);
            }
            if (!instrument.isWholeLots(orderQty)) {
                throw new IllegalArgumentException("baseQty " + baseQty.toPlainString()
                        + " is not a whole number of lots of "
                        + lotInBase(instrument).toPlainString() + " for " + instrument.id());
            }
        }

        /** The limit at the slippage bound (above the expected price for a buy, below for a sell), capped at the worst price. */
        BigDecimal limitPrice(BigDecimal slippage) {
            BigDecimal bound = expectedPrice.multiply(side == OrderSide.BUY ? BigDecimal.ONE.add(slippage)
                    : BigDecimal.ONE.subtract(slippage));
            if (worstPrice == null) {
                return bound;
            }
            return side == OrderSide.BUY ? bound.min(worstPrice) : bound.max(worstPrice);
        }

        /** An IOC limit order for {@code baseQty} of this leg at the slippage bound, carrying the expected price. */
        public OrderRequest entryOrder(String clientOrderId, BigDecimal baseQty, BigDecimal slippage) {
            return new OrderRequest(clientOrderId, instrument, side, OrderType.LIMIT, TimeInForce.IOC,
                    instrument.toOrderQty(baseQty), limitPrice(slippage), expectedPrice);
        }
    }

    /** What one leg has done so far; mutable, owned by the execution. */
    private final class LegProgress {
        final Leg leg;
        final String letter;
        final BigDecimal lot;
        final List<String> clientOrderIds = new ArrayList<>();
        int entryOrders;
        int unwindOrders;
        BigDecimal entryQty = BigDecimal.ZERO;
        BigDecimal entryNotional = BigDecimal.ZERO;
        BigDecimal unwoundQty = BigDecimal.ZERO;
        BigDecimal cashFlow = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        String exchangeOrderId;
        String failureCode;
        String failureMessage;

        LegProgress(Leg leg, String letter) {
            this.leg = leg;
            this.letter = letter;
            this.lot = lotInBase(leg.instrument());
        }

        void noteExchangeOrderId(String id) {
            if (exchangeOrderId == null) {
                exchangeOrderId = id;
            }
        }

        BigDecimal net() {
            return entryQty.subtract(unwoundQty);
        }

        void fill(OrderSide side, OrderEvent.Filled f) {
            Instrument instrument = leg.instrument();
            BigDecimal baseQty = instrument.toBaseQty(f.qty());
            BigDecimal value = baseQty.multiply(f.price());
            if (side == leg.side()) {
                entryQty = entryQty.add(baseQty);
                entryNotional = entryNotional.add(value);
            } else {
                unwoundQty = unwoundQty.add(baseQty);
            }
            cashFlow = side == OrderSide.SELL ? cashFlow.add(value) : cashFlow.subtract(value);
            if (instrument.quote().equals(f.feeAsset())) {
                fees = fees.add(f.fee());
            } else {
                notes.add(f.clientOrderId() + " paid a fee of " + f.fee().toPlainString() + " " + f.feeAsset()
                        + ", not in the quote: left out of fees and pnl");
            }
        }

        LegResult result() {
            BigDecimal averagePrice = entryQty.signum() == 0 ? null
                    : entryNotional.divide(entryQty, MathContext.DECIMAL128).stripTrailingZeros();
            return new LegResult(leg.venue().venue(), leg.instrument().id(), leg.side(), leg.baseQty(), net(),
                    averagePrice, fees, clientOrderIds, exchangeOrderId, complete(), failureCode, failureMessage);
        }

        boolean complete() {
            return net().compareTo(leg.baseQty()) == 0;
        }
    }

    private final String executionId;
    private final LegProgress first;
    /** Null for a single leg. */
    private final LegProgress second;
    private final ExecutionPolicy policy;
    private final Scheduler scheduler;
    private final EngineClock clock;
    private final ExecutionListener listener;
    /** The orders sent and not yet closed or rejected, by client order id. */
    private final Map<String, OrderRequest> outstanding = new HashMap<>();
    private final List<String> notes = new ArrayList<>();
    private State state = State.NEW;
    private long startedTs;
    private long hedgeDeadline = UNSET;
    private int retries;
    private int unwinds;
    private BigDecimal excessBeforeUnwind;
    private ExecutionResult result;

    /** @param second the leg that must match the first, or null to execute the first alone */
    public LegExecution(String executionId, Leg first, Leg second, ExecutionPolicy policy, Scheduler scheduler,
                            EngineClock clock, ExecutionListener listener) {
        Objects.requireNonNull(executionId, "executionId");
        if (!EXECUTION_ID.matcher(executionId).matches()) {
            throw new IllegalArgumentException(
                    "executionId must be 1 to 24 letters or digits, was '" + executionId + "'");
        }
        Objects.requireNonNull(first, "first");
        if (second != null && first.baseQty().compareTo(second.baseQty()) != 0) {
            throw new IllegalArgumentException("the legs must trade the same baseQty, were "
                    + first.baseQty().toPlainString() + " and " + second.baseQty().toPlainString());
        }
        this.executionId = executionId;
        this.first = new LegProgress(first, "a");
        this.second = second == null ? null : new LegProgress(second, "b");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Sends the legs at once. */
    public void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("execution " + executionId + " has already started");
        }
        state = State.WORKING;
        startedTs = clock.nowMillis();
        send(first, entryOrder(first, first.leg.baseQty()));
        if (second != null) {
            send(second, entryOrder(second, second.leg.baseQty()));
        }
    }

    public State state() {
        return state;
    }

    /** The result once {@link State#DONE}, else null. */
    public ExecutionResult result() {
        return result;
    }

    private OrderRequest entryOrder(LegProgress leg, BigDecimal baseQty) {
        return leg.leg.entryOrder(executionId + leg.letter + ++leg.entryOrders, baseQty, policy.slippage());
    }

    private OrderRequest unwindOrder(LegProgress leg, BigDecimal baseQty) {
        Leg l = leg.leg;
        return new OrderRequest(executionId + leg.letter + "u" + ++leg.unwindOrders, l.instrument(),
                l.side().opposite(), OrderType.MARKET, TimeInForce.IOC, l.instrument().toOrderQty(baseQty), null);
    }

    private void send(LegProgress leg, OrderRequest order) {
        String id = order.clientOrderId();
        leg.clientOrderIds.add(id);
        outstanding.put(id, order);
        listener.orderSubmitted(executionId, order, clock.nowMillis());
        leg.leg.venue().submit(order, event -> onEvent(leg, order, event));
        scheduler.at(clock.nowNanos() + policy.legTimeout().toNanos(), () -> {
            if (outstanding.containsKey(id)) {
                notes.add(id + " still open after " + policy.legTimeout().toMillis() + " ms: cancel sent");
                leg.leg.venue().cancel(id);
            }
        });
    }

    private void onEvent(LegProgress leg, OrderRequest order, OrderEvent event) {
        listener.orderEvent(executionId, order, event);
        switch (event) {
            case OrderEvent.Accepted accepted -> leg.noteExchangeOrderId(accepted.exchangeOrderId());
            case OrderEvent.Filled filled -> {
                leg.noteExchangeOrderId(filled.exchangeOrderId());
                leg.fill(order.side(), filled);
            }
            case OrderEvent.Closed closed -> over(order);
            case OrderEvent.Rejected rejected -> {
                leg.failureCode = rejected.code();
                leg.failureMessage = rejected.message();
                notes.add(order.clientOrderId() + " rejected: " + rejected.code() + " " + rejected.message());
                over(order);
            }
        }
    }

    private void over(OrderRequest order) {
        if (outstanding.remove(order.clientOrderId()) == null) {
            return;
        }
        if (hedgeDeadline == UNSET) {
            hedgeDeadline = clock.nowNanos() + policy.hedgeWindow().toNanos();
        }
        if (outstanding.isEmpty()) {
            decide();
        }
    }

    /** All orders are over: finish if the legs match, else retry the short leg or unwind the long one. */
    private void decide() {
        if (second == null) {
            finish(false);
            return;
        }
        BigDecimal difference = first.net().subtract(second.net());
        LegProgress longLeg = difference.signum() >= 0 ? first : second;
        LegProgress shortLeg = longLeg == first ? second : first;
        BigDecimal excess = difference.abs();
        BigDecimal retryQty = roundDown(excess, shortLeg.lot);
        BigDecimal unwindQty = roundDown(excess, longLeg.lot);
        if (state != State.UNWINDING && retryQty.signum() > 0 && retries < policy.maxRetries()
                && clock.nowNanos() < hedgeDeadline) {
            retries++;
            state = State.HEDGING;
            send(shortLeg, entryOrder(shortLeg, retryQty));
        } else if (unwindQty.signum() == 0) {
            finish(false);
        } else if (state == State.UNWINDING
                && (excess.compareTo(excessBeforeUnwind) == 0 || unwinds > policy.maxRetries())) {
            finish(true); // the last unwind made no progress, or the unwinds are spent
        } else {
            unwinds++;
            excessBeforeUnwind = excess;
            state = State.UNWINDING;
            OrderRequest unwind = unwindOrder(longLeg, unwindQty);
            notes.add(unwind.clientOrderId() + " unwinds " + plain(unwindQty) + " after " + retries + " retries");
            send(longLeg, unwind);
        }
    }

    private void finish(boolean imbalanced) {
        state = State.DONE;
        Outcome outcome;
        BigDecimal hedged;
        BigDecimal residual = BigDecimal.ZERO;
        BigDecimal fees = first.fees;
        BigDecimal cash = first.cashFlow;
        if (second == null) {
            hedged = first.net();
            outcome = hedged.signum() == 0 ? Outcome.FAILED : first.complete() ? Outcome.FILLED : Outcome.PARTIAL;
        } else {
            hedged = first.net().min(second.net());
            residual = first.net().subtract(second.net()).abs();
            boolean unwound = first.unwoundQty.signum() > 0 || second.unwoundQty.signum() > 0;
            outcome = imbalanced ? Outcome.IMBALANCED
                    : unwound ? Outcome.UNWOUND
                    : hedged.signum() == 0 ? Outcome.FAILED
                    : first.complete() && second.complete() ? Outcome.FILLED
                    : Outcome.HEDGED_PARTIAL;
            fees = fees.add(second.fees);
            cash = cash.add(second.cashFlow);
        }
        result = new ExecutionResult(executionId, outcome, first.result(), second == null ? null : second.result(),
                hedged, residual, fees, cash.subtract(fees), startedTs, clock.nowMillis(),
                detail(outcome, hedged, residual));
        listener.finished(result);
    }

    private String detail(Outcome outcome, BigDecimal hedged, BigDecimal residual) {
        String requested = plain(first.leg.baseQty());
        String headline = switch (outcome) {
            case FILLED -> (second == null ? "filled " : "both legs filled ") + requested;
            case PARTIAL -> "filled " + plain(hedged) + " of " + requested;
            case HEDGED_PARTIAL -> "hedged " + plain(hedged) + " of " + requested;
            case UNWOUND -> "hedged " + plain(hedged) + " of " + requested + ", the excess unwound";
            case FAILED -> second == null ? "nothing filled" : "neither leg filled";
            case IMBALANCED -> "IMBALANCED: " + plain(residual) + " "
                    + (first.net().compareTo(second.net()) > 0 ? first : second).leg.instrument().base()
                    + " left open, unwinding failed";
        };
        StringBuilder detail = new StringBuilder(headline);
        if (outcome != Outcome.IMBALANCED && residual.signum() > 0) {
            detail.append("; residual ").append(plain(residual)).append(" left unhedged: too small for a lot");
        }
        notes.forEach(note -> detail.append("; ").append(note));
        return detail.toString();
    }

    private static BigDecimal lotInBase(Instrument instrument) {
        return instrument.toBaseQty(instrument.lotSize());
    }

    private static BigDecimal roundDown(BigDecimal qty, BigDecimal lot) {
        return qty.divideToIntegralValue(lot).multiply(lot);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
