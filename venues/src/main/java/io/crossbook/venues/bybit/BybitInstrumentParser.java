package io.crossbook.venues.bybit;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code GET /v5/market/instruments-info} into instruments. Spot and linear name the lot
 * size and the minimum notional differently: spot's quantity step is
 * {@code lotSizeFilter.basePrecision} and its minimum order value {@code minOrderAmt}; linear's
 * are {@code qtyStep} and {@code minNotionalValue}.
 */
final class BybitInstrumentParser {
    private static final String TRADING = "Trading";

    private final Market market;

    BybitInstrumentParser(Market market) {
        this.market = market;
    }

    List<Instrument> parse(String body) {
        JsonNode root = JsonMapper.shared().readTree(body);
        if (root.path("retCode").asInt(-1) != 0) {
            throw new IllegalArgumentException("Bybit instruments-info failed: retCode "
                    + root.path("retCode").asString("absent") + ", " + root.path("retMsg").asString(""));
        }
        JsonNode list = root.path("result").path("list");
        if (!list.isArray()) {
            throw new IllegalArgumentException("Bybit instruments-info response has no result.list");
        }
        List<Instrument> out = new ArrayList<>(list.size());
        for (JsonNode item : list) {
            if (TRADING.equals(item.path("status").asString(""))) {
                out.add(instrument(item));
            }
        }
        return out;
    }

    private Instrument instrument(JsonNode item) {
        String symbol = text(item, "symbol", "the instrument");
        JsonNode lot = item.path("lotSizeFilter");
        boolean spot = market == Market.SPOT;
        return new Instrument(Venue.BYBIT, market, symbol,
                text(item, "baseCoin", symbol),
                text(item, "quoteCoin", symbol),
                decimal(item.path("priceFilter"), "tickSize", symbol),
                decimal(lot, spot ? "basePrecision" : "qtyStep", symbol),
                decimal(lot, "minOrderQty", symbol),
                optionalDecimal(lot, spot ? "minOrderAmt" : "minNotionalValue", symbol),
                BigDecimal.ONE);
    }

    private static String text(JsonNode node, String field, String owner) {
        String value = node.path(field).asString("");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("Bybit instrument " + owner + " has no " + field);
        }
        return value;
    }

    private static BigDecimal decimal(JsonNode node, String field, String symbol) {
        try {
            return new BigDecimal(text(node, field, symbol));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Bybit instrument " + symbol + " has a non-numeric " + field, e);
        }
    }

    /** Zero where Bybit gives no minimum. */
    private static BigDecimal optionalDecimal(JsonNode node, String field, String symbol) {
        return node.path(field).asString("").isEmpty() ? BigDecimal.ZERO : decimal(node, field, symbol);
    }
}
