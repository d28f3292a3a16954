package io.crossbook.venues.okx;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code GET /api/v5/public/instruments} into instruments of one market. OKX lists linear
 * (USDT- or USDC-margined) and inverse (coin-margined) perpetuals together under {@code SWAP};
 * {@code ctType} tells them apart. Swap sizes are in contracts of {@code ctVal} units of
 * {@code ctValCcy}: the base currency for linear swaps, the quote currency (USD) for inverse ones.
 */
final class OkxInstrumentParser {
    private static final String LIVE = "live";

    private final Market market;

    OkxInstrumentParser(Market market) {
        this.market = market;
    }

    /** The instrument type to ask OKX for. */
    String instType() {
        return market == Market.SPOT ? "SPOT" : "SWAP";
    }

    /** Live instruments of this market; those suspended, not yet open or of the other contract type are left out. */
    List<Instrument> parse(String body) {
        JsonNode root = JsonMapper.shared().readTree(body);
        String code = root.path("code").asString();
        if (!"0".equals(code)) {
            throw new IllegalArgumentException("OKX instruments request failed: code " + code + ", "
                    + root.path("msg").asString());
        }
        List<Instrument> out = new ArrayList<>();
        for (JsonNode item : root.path("data").values()) {
            if (LIVE.equals(item.path("state").asString()) && instType().equals(item.path("instType").asString())
                    && isThisMarket(item)) {
                out.add(instrument(item));
            }
        }
        return out;
    }

    private boolean isThisMarket(JsonNode item) {
        return switch (market) {
            case SPOT -> true;
            case LINEAR -> "linear".equals(item.path("ctType").asString());
            case INVERSE -> "inverse".equals(item.path("ctType").asString());
        };
    }

    private Instrument instrument(JsonNode item) {
        String symbol = item.path("instId").asString();
        try {
            return new Instrument(Venue.OKX, market, symbol, base(item), quote(item), decimal(item, "tickSz"),
                    decimal(item, "lotSz"), decimal(item, "minSz"), BigDecimal.ZERO,
                    market == Market.SPOT ? BigDecimal.ONE : decimal(item, "ctVal"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OKX instrument " + symbol + ": " + e.getMessage(), e);
        }
    }

    private String base(JsonNode item) {
        return switch (market) {
            case SPOT -> item.path("baseCcy").asString();
            case LINEAR -> item.path("ctValCcy").asString();
            case INVERSE -> item.path("settleCcy").asString();
        };
    }

    private String quote(JsonNode item) {
        return switch (market) {
            case SPOT -> item.path("quoteCcy").asString();
            case LINEAR -> item.path("settleCcy").asString();
            case INVERSE -> item.path("ctValCcy").asString();
        };
    }

    private static BigDecimal decimal(JsonNode item, String field) {
        String text = item.path(field).asString();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("no " + field);
        }
        return new BigDecimal(text);
    }
}
