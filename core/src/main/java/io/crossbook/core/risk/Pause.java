package io.crossbook.core.risk;

/**
 * Something the risk engine has stopped from trading: a pair (its breaker tripped, a market
 * anomaly on one of its books, or its legs' prices drifted apart) or a venue (its breaker
 * tripped).
 *
 * @param scope       {@code pair}, {@code instrument} or {@code venue}
 * @param id          the pair id, instrument id ({@code venue:market:SYMBOL}) or venue id
 * @param rule        the breaker or anomaly behind it, e.g. {@code consecutive_failures}, {@code PRICE_JUMP}
 * @param reason      what happened, with the numbers
 * @param since       epoch ms
 * @param resumesAt   epoch ms when it ends by itself; 0 while an anomaly has not yet been healthy
 *                    long enough; -1 when only a resume by hand ends it
 */
public record Pause(String scope, String id, String rule, String reason, long since, long resumesAt) {
    public static final long BY_HAND = -1;
}
