package io.crossbook.venues.common;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/** Decimal strings of exchange REST answers, read exactly (never through {@code double}). */
public final class DecimalStrings {
    private DecimalStrings() {
    }

    /** The field as a decimal; absent or empty (Bybit and OKX send {@code ""} for "none") reads as zero. */
    public static BigDecimal read(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        String text = node.isMissingNode() || node.isNull() ? "" : node.asString();
        if (text.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new MalformedMessageException(field + " is not a decimal: '" + text + "'");
        }
    }

    /** The array field, or a {@link MalformedMessageException} naming it when the answer has none. */
    public static JsonNode array(JsonNode parent, String field, String where) {
        JsonNode node = parent.path(field);
        if (!node.isArray()) {
            throw new MalformedMessageException(where + " has no " + field + " array");
        }
        return node;
    }
}
