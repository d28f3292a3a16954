package io.crossbook.core.engine;

/**
 * An {@code engine_alert}: something a trader must know about, raised on the engine thread.
 *
 * @param severity {@code info}, {@code warning} or {@code critical}
 * @param code     what happened, e.g. {@code RISK_REJECTED}, {@code PAIR_PAUSED}, {@code LEG_IMBALANCE}
 * @param rule     the risk rule or breaker behind it, or null when no rule is
 * @param pairId   the pair it concerns, or null
 * @param venue    the exchange it concerns, or null
 * @param ts       epoch milliseconds
 */
public record EngineAlert(String severity, String code, String rule, String message, String pairId, String venue,
                          long ts) {
    public static final String INFO = "info";
    public static final String WARNING = "warning";
    public static final String CRITICAL = "critical";
}
