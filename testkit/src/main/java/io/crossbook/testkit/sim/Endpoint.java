package io.crossbook.testkit.sim;

/**
 * How the exchange counts a request: what it is, which request-weight budget it draws on
 * ({@code limitGroup}: Binance counts spot and futures separately) and its documented weight.
 */
public record Endpoint(RequestKind kind, String limitGroup, int weight) {
}
