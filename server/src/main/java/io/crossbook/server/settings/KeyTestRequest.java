package io.crossbook.server.settings;

/** {@code POST /api/settings/api/test}, optional: {@code {"exchange": "okx"}} tests one exchange; without, every exchange with keys. */
public record KeyTestRequest(String exchange) {
}
