package io.crossbook.core.risk;

import io.crossbook.core.clean.AnomalyKind;
import io.crossbook.core.engine.EngineAlert;
import io.crossbook.core.engine.EngineClock;
import io.crossbook.core.engine.Scheduler;
import io.crossbook.core.exec.ExecutionResult.Outcome;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The circuit breakers and the anomaly pause: what stops a pair or a venue from trading, and when
 * it may trade again. A pair breaker trips on consecutive failed executions or on its error rate;
 * a venue breaker on exchange errors and disconnects (at once on a rate limit), with a pause that
 * doubles on each trip. A market anomaly on a book (price jump, stale feed, crossed book) pauses
 * every pair trading it, and a pair whose legs' mids drift apart is paused too; both resume after
 * a healthy period if configured. Market data keeps flowing throughout: only trading stops.
 *
 * <p>Engine thread only. A hand-written breaker rather than Resilience4j's: it runs on the engine
 * clock, so a replay trips and resets it exactly as live trading would.
 */
final class Pauses {
    /** Anomalies that pause the pairs of their book; gaps and checksum failures already make it unusable. */
    private static final Set<AnomalyKind> PAUSING = Set.of(AnomalyKind.PRICE_JUMP, AnomalyKind.STALE_FEED,
            AnomalyKind.CROSSED_BOOK);
    private static final long NOT_HEALTHY = -1;
    private static final BigDecimal TWO_HUNDRED = BigDecimal.valueOf(200);

    private record Outcomes(long ts, boolean failed) {
    }

    /** A pause on a market condition: it ends after {@code anomalyResumeAfterMs} of health. */
    private static final class Condition {
        String rule;
        String reason;
        final long since;
        long healthySince = NOT_HEALTHY;

        Condition(String rule, String reason, long since) {
            this.rule = rule;
            this.reason = reason;
            this.since = since;
        }
    }

    private static final class PairRecord {
        int consecutiveFailures;
        final Deque<Outcomes> recent = new ArrayDeque<>();
    }

    private static final class VenueRecord {
        final Deque<Long> errors = new ArrayDeque<>();
        Pause pause;
        int trips;
        long lastPauseEnd = Long.MIN_VALUE;
    }

    private final EngineClock clock;
    private final Scheduler scheduler;
    private final Supplier<RiskLimits> limits;
    private final Consumer<EngineAlert> alerts;
    private PairIndex pairs = PairIndex.NONE;
    private final Map<String, PairRecord> pairRecords = new HashMap<>();
    private final Map<String, Pause> tripped = new LinkedHashMap<>();
    private final Map<InstrumentId, Condition> anomalies = new LinkedHashMap<>();
    private final Map<String, Condition> deviations = new LinkedHashMap<>();
    private final Map<Venue, VenueRecord> venues = new EnumMap<>(Venue.class);

    Pauses(EngineClock clock, Scheduler scheduler, Supplier<RiskLimits> limits, Consumer<EngineAlert> alerts) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.limits = limits;
        this.alerts = alerts;
    }

    void attach(PairIndex index) {
        this.pairs = index;
    }

    /** Why the pair may not trade now, or null. */
    RiskRefusal pairPaused(String pairId) {
        long now = clock.nowMillis();
        Pause p = tripped.get(pairId);
        if (p != null) {
            if (p.resumesAt() == Pause.BY_HAND || now < p.resumesAt()) {
                return new RiskRefusal("pair_paused", "pair " + pairId + " is paused (" + p.rule() + "): " + p.reason());
            }
            tripped.remove(pairId);
        }
        Condition d = deviations.get(pairId);
        if (d != null) {
            return new RiskRefusal("pair_paused", "pair " + pairId + " is paused (" + d.rule + "): " + d.reason);
        }
        for (InstrumentId leg : pairs.legs(pairId)) {
            Condition a = anomalies.get(leg);
            if (a != null) {
                return new RiskRefusal("pair_paused", "pair " + pairId + " is paused (" + a.rule + " on " + leg + "): "
                        + a.reason);
            }
        }
        return null;
    }

    /** Why the venue may not trade now, or null. */
    RiskRefusal venuePaused(Venue venue) {
        VenueRecord r = venues.get(venue);
        if (r == null || r.pause == null) {
            return null;
        }
        if (clock.nowMillis() >= r.pause.resumesAt()) {
            endVenuePause(venue, r);
            return null;
        }
        return new RiskRefusal("venue_paused", "trading on " + venue.id() + " is paused until "
                + r.pause.resumesAt() + " (" + r.pause.rule() + "): " + r.pause.reason());
    }

    // ---- pair breaker ----

    void onExecution(String pairId, Outcome outcome) {
        RiskLimits l = limits.get();
        long now = clock.nowMillis();
        boolean failed = outcome == Outcome.FAILED || outcome == Outcome.UNWOUND || outcome == Outcome.IMBALANCED;
        PairRecord r = pairRecords.computeIfAbsent(pairId, k -> new PairRecord());
        r.consecutiveFailures = failed ? r.consecutiveFailures + 1 : 0;
        r.recent.addLast(new Outcomes(now, failed));
        while (!r.recent.isEmpty() && r.recent.peekFirst().ts() <= now - l.pairErrorWindowMs()) {
            r.recent.removeFirst();
        }
        if (tripped.containsKey(pairId)) {
            return;
        }
        long failures = r.recent.stream().filter(Outcomes::failed).count();
        int samples = r.recent.size();
        if (r.consecutiveFailures >= l.pairMaxConsecutiveFailures()) {
            trip(pairId, "consecutive_failures", r.consecutiveFailures + " failed executions in a row (limit "
                    + l.pairMaxConsecutiveFailures() + ")");
        } else if (samples >= l.pairErrorRateMinSamples() && BigDecimal.valueOf(failures)
                .compareTo(l.pairMaxErrorRate().multiply(BigDecimal.valueOf(samples))) > 0) {
            trip(pairId, "error_rate", failures + " of the last " + samples + " executions failed within "
                    + l.pairErrorWindowMs() / 1000 + " s, above the error rate " + l.pairMaxErrorRate().toPlainString());
        }
    }

    private void trip(String pairId, String rule, String reason) {
        long now = clock.nowMillis();
        long pauseMs = limits.get().pairPauseMs();
        long resumesAt = pauseMs == 0 ? Pause.BY_HAND : now + pauseMs;
        tripped.put(pairId, new Pause("pair", pairId, rule, reason, now, resumesAt));
        pairRecords.remove(pairId);
        alerts.accept(new EngineAlert(EngineAlert.WARNING, "PAIR_PAUSED", rule, "pair " + pairId + " paused: " + reason
                + (pauseMs == 0 ? "; resume it by hand" : "; resumes in " + pauseMs / 1000 + " s"), pairId, null, now));
        if (pauseMs > 0) {
            scheduler.at(clock.nowNanos() + pauseMs * 1_000_000, () -> {
                Pause p = tripped.get(pairId);
                if (p != null && p.since() == now && clock.nowMillis() >= p.resumesAt()) {
                    tripped.remove(pairId);
                    alerts.accept(new EngineAlert(EngineAlert.INFO, "PAIR_RESUMED", rule, "pair " + pairId
                            + " resumed after its " + pauseMs / 1000 + " s pause", pairId, null, clock.nowMillis()));
                }
            });
        }
    }

    // ---- venue breaker ----

    /**
     * An exchange error on a venue: {@code code} is the API error code of a refused order
     * ({@code UPSTREAM_ERROR}, {@code EXCHANGE_UNAVAILABLE}, {@code RATE_LIMITED}) or
     * {@code DISCONNECTED} for a market-data connection that dropped.
     */
    void onVenueError(Venue venue, String code, String detail) {
        RiskLimits l = limits.get();
        long now = clock.nowMillis();
        VenueRecord r = venues.computeIfAbsent(venue, k -> new VenueRecord());
        if (r.pause != null && now < r.pause.resumesAt()) {
            return;
        }
        r.errors.addLast(now);
        while (!r.errors.isEmpty() && r.errors.peekFirst() <= now - l.venueErrorWindowMs()) {
            r.errors.removeFirst();
        }
        if ("RATE_LIMITED".equals(code)) {
            tripVenue(venue, r, "rate_limited", "the exchange asked to slow down: " + detail);
        } else if (r.errors.size() >= l.venueMaxErrors()) {
            tripVenue(venue, r, "venue_errors", r.errors.size() + " errors within " + l.venueErrorWindowMs() / 1000
                    + " s (limit " + l.venueMaxErrors() + "), the last " + code + ": " + detail);
        }
    }

    private void tripVenue(Venue venue, VenueRecord r, String rule, String reason) {
        RiskLimits l = limits.get();
        long now = clock.nowMillis();
        r.trips = now - r.lastPauseEnd < l.venueMaxPauseMs() ? r.trips + 1 : 1;
        long pauseMs = Math.min(l.venueMaxPauseMs(), l.venuePauseMs() << Math.min(r.trips - 1, 30));
        r.pause = new Pause("venue", venue.id(), rule, reason, now, now + pauseMs);
        r.errors.clear();
        alerts.accept(new EngineAlert(EngineAlert.WARNING, "VENUE_PAUSED", rule, "trading on " + venue.id()
                + " paused for " + pauseMs / 1000 + " s (trip " + r.trips + "): " + reason
                + "; market data keeps flowing", null, venue.id(), now));
        Pause pause = r.pause;
        scheduler.at(clock.nowNanos() + pauseMs * 1_000_000, () -> {
            if (r.pause == pause) {
                endVenuePause(venue, r);
            }
        });
    }

    private void endVenuePause(Venue venue, VenueRecord r) {
        r.lastPauseEnd = clock.nowMillis();
        r.pause = null;
        alerts.accept(new EngineAlert(EngineAlert.INFO, "VENUE_RESUMED", null, "trading on " + venue.id() + " resumed",
                null, venue.id(), clock.nowMillis()));
    }

    // ---- market anomalies ----

    void onAnomaly(InstrumentId instrument, AnomalyKind kind, String detail) {
        if (!PAUSING.contains(kind)) {
            return;
        }
        long now = clock.nowMillis();
        Condition c = anomalies.get(instrument);
        if (c != null) {
            c.rule = kind.name();
            c.reason = detail;
            c.healthySince = NOT_HEALTHY;
            return;
        }
        anomalies.put(instrument, new Condition(kind.name(), detail, now));
        Collection<String> affected = pairs.pairsUsing(instrument);
        String message = kind + " on " + instrument + ": " + detail + "; trading paused" + resumeNote();
        if (affected.isEmpty()) {
            alerts.accept(new EngineAlert(EngineAlert.WARNING, "ANOMALY_PAUSE", kind.name(), message, null,
                    instrument.venue().id(), now));
        }
        for (String pairId : affected) {
            alerts.accept(new EngineAlert(EngineAlert.WARNING, "ANOMALY_PAUSE", kind.name(), "pair " + pairId + ": "
                    + message, pairId, instrument.venue().id(), now));
        }
    }

    /** A valid update of the book: an anomaly on it has been healthy since the first one after it. */
    void onBook(InstrumentId instrument) {
        Condition c = anomalies.get(instrument);
        if (c == null) {
            return;
        }
        long now = clock.nowMillis();
        if (c.healthySince == NOT_HEALTHY) {
            c.healthySince = now;
        }
        if (healedLongEnough(c, now)) {
            anomalies.remove(instrument);
            resumed(c, "the book of " + instrument, pairs.pairsUsing(instrument), instrument.venue().id());
        }
    }

    boolean deviationPaused(String pairId) {
        return deviations.containsKey(pairId);
    }

    /** The pair's legs' mids: pauses it while they are further apart than allowed. */
    void onMids(String pairId, BigDecimal mid1, BigDecimal mid2) {
        RiskLimits l = limits.get();
        long now = clock.nowMillis();
        // |m1 - m2| / ((m1 + m2) / 2) * 100 > limit, decided exactly as |m1 - m2| * 200 > limit * (m1 + m2):
        // in double, about half of the mids exactly at the limit came out a hair above it
        BigDecimal gap = mid1.subtract(mid2).abs().multiply(TWO_HUNDRED);
        BigDecimal sum = mid1.add(mid2);
        boolean beyond = gap.compareTo(l.maxVenueDeviationPercent().multiply(sum)) > 0;
        Condition c = deviations.get(pairId);
        if (beyond) {
            String reason = String.format(Locale.ROOT, "leg mids %s and %s are %.3f%% apart (limit %s%%)",
                    plain(mid1), plain(mid2), gap.divide(sum, MathContext.DECIMAL64),
                    l.maxVenueDeviationPercent().toPlainString());
            if (c == null) {
                deviations.put(pairId, new Condition("venue_deviation", reason, now));
                alerts.accept(new EngineAlert(EngineAlert.WARNING, "ANOMALY_PAUSE", "venue_deviation", "pair "
                        + pairId + " paused: " + reason + resumeNote(), pairId, null, now));
            } else {
                c.reason = reason;
                c.healthySince = NOT_HEALTHY;
            }
        } else if (c != null) {
            if (c.healthySince == NOT_HEALTHY) {
                c.healthySince = now;
            }
            if (healedLongEnough(c, now)) {
                deviations.remove(pairId);
                resumed(c, "the legs of " + pairId, List.of(pairId), null);
            }
        }
    }

    private boolean healedLongEnough(Condition c, long now) {
        long after = limits.get().anomalyResumeAfterMs();
        return after > 0 && c.healthySince != NOT_HEALTHY && now - c.healthySince >= after;
    }

    private void resumed(Condition c, String what, Collection<String> pairIds, String venue) {
        long now = clock.nowMillis();
        String message = c.rule + " cleared: " + what + " healthy for " + (now - c.healthySince) / 1000 + " s";
        if (pairIds.isEmpty()) {
            alerts.accept(new EngineAlert(EngineAlert.INFO, "ANOMALY_RESUMED", c.rule, message, null, venue, now));
        }
        for (String pairId : pairIds) {
            alerts.accept(new EngineAlert(EngineAlert.INFO, "ANOMALY_RESUMED", c.rule, "pair " + pairId + " resumed: "
                    + message, pairId, venue, now));
        }
    }

    private String resumeNote() {
        long after = limits.get().anomalyResumeAfterMs();
        return after == 0 ? "; resume it by hand" : "; resumes after " + after / 1000 + " s of healthy data";
    }

    // ---- by hand, and the view ----

    /** Ends every pause of a pair: its breaker, a deviation, and anomalies on its legs' books. True if there was one. */
    boolean resumePair(String pairId) {
        boolean any = tripped.remove(pairId) != null | deviations.remove(pairId) != null;
        pairRecords.remove(pairId);
        for (InstrumentId leg : pairs.legs(pairId)) {
            any |= anomalies.remove(leg) != null;
        }
        return any;
    }

    boolean resumeVenue(Venue venue) {
        VenueRecord r = venues.get(venue);
        if (r == null || r.pause == null) {
            return false;
        }
        endVenuePause(venue, r);
        r.errors.clear();
        return true;
    }

    /** Every pause in force now. */
    List<Pause> active() {
        long now = clock.nowMillis();
        long after = limits.get().anomalyResumeAfterMs();
        List<Pause> out = new ArrayList<>();
        tripped.values().stream().filter(p -> p.resumesAt() == Pause.BY_HAND || now < p.resumesAt()).forEach(out::add);
        deviations.forEach((id, c) -> out.add(conditionPause("pair", id, c, after)));
        anomalies.forEach((id, c) -> out.add(conditionPause("instrument", id.toString(), c, after)));
        venues.forEach((v, r) -> {
            if (r.pause != null && now < r.pause.resumesAt()) {
                out.add(r.pause);
            }
        });
        return out;
    }

    private static Pause conditionPause(String scope, String id, Condition c, long after) {
        long resumesAt = after == 0 ? Pause.BY_HAND : c.healthySince == NOT_HEALTHY ? 0 : c.healthySince + after;
        return new Pause(scope, id, c.rule, c.reason, c.since, resumesAt);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
