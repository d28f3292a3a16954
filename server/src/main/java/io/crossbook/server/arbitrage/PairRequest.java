package io.crossbook.server.arbitrage;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/**
 * A pair config as the API and pair files carry it (API.md "Prices and monitoring"). Numbers are
 * exact decimals; {@code direction} defaults to {@code auto} and {@code enabled} to true. The
 * {@code id} is chosen by the server on POST, and is required in a pair file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PairRequest(
        @Schema(description = "only in pair files; the server names pairs it creates") String id,
        Leg leg1,
        Leg leg2,
        @Schema(description = "net spread, percent of mid price, at which the pair trades", example = "0.12") BigDecimal threshold,
        @Schema(description = "quantity per trade, in the base currency", example = "0.001") BigDecimal qty,
        @Schema(description = "quote-currency notional the pair may trade in all", example = "300") BigDecimal totalAmount,
        @Schema(allowableValues = {"auto", "forward", "reverse"}) String direction,
        Boolean enabled) {

    /** One leg: exchange, the exchange's own symbol, and the market type. */
    public record Leg(@Schema(example = "binance") String exchange, @Schema(example = "BTCUSDT") String symbol,
                      @Schema(allowableValues = {"spot", "linear", "inverse"}) String type) {
    }
}
