package io.crossbook.server.marketdata;

import jakarta.validation.constraints.NotBlank;

/** {@code POST /api/qingxi/collectors/start|stop}: which collector, e.g. {@code binance:linear}. */
public record CollectorRequest(@NotBlank String id) {
}
