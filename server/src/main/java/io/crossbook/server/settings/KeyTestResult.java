package io.crossbook.server.settings;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of a signed read-only call with an exchange's keys: {@code ok}, or the API error code
 * ({@code UPSTREAM_ERROR} when the exchange refused, {@code EXCHANGE_UNAVAILABLE} when it could not be
 * reached) with the exchange's own message or the cause; {@code ts} in epoch milliseconds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyTestResult(boolean ok, String code, String message, long ts) {
}
