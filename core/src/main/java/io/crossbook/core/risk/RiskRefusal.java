package io.crossbook.core.risk;

/**
 * Why the risk engine refused an order or an execution: the {@code rule} that failed (as named in
 * {@link RiskLimits} and the API) and a message with the numbers that failed it.
 */
public record RiskRefusal(String rule, String message) {
}
