package io.crossbook.server.arbitrage;

import java.math.BigDecimal;

/** A pair config as {@code GET /api/monitoring/pairs} lists it (API.md). */
public record PairView(String id, PairRequest.Leg leg1, PairRequest.Leg leg2, BigDecimal threshold, BigDecimal qty,
                       BigDecimal totalAmount, String direction, boolean enabled, long createdAt, long updatedAt) {
}
