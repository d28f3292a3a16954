package io.crossbook.server.twap;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * A plan as the API takes it (API.md "TWAP"): quantities are exact decimals in the base currency,
 * both legs of a two-legged plan trade the same quantity. Additions to the documents' fields:
 * a leg's {@code market} and limit {@code price}, and the plan's {@code maxAdverseSpreadPercent}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TwapRequest(
        @Schema(example = "BTC_TWAP") String name,
        @Schema(description = "base currency in all", example = "0.01") BigDecimal totalQty,
        @Schema(description = "base currency per slice; the last takes the remainder", example = "0.001") BigDecimal sliceQty,
        @Schema(description = "milliseconds between slices", example = "30000") Long intervalMs,
        List<Leg> legs,
        @Schema(description = "two legs only: the most the buy may cost above the sale, net of taker fees, in percent "
                + "of their mid; a slice beyond it is skipped and tried again at the next interval", example = "0.1")
        BigDecimal maxAdverseSpreadPercent) {

    /**
     * One leg. {@code type} is the order type: {@code market} trades at the book (as an IOC limit at
     * the slippage bound), {@code limit} never beyond {@code price} (a slice whose VWAP is beyond it
     * is skipped and tried again). {@code market} is the instrument's market, spot by default.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Leg(@Schema(example = "bybit") String exchange, @Schema(example = "BTCUSDT") String symbol,
                      @Schema(allowableValues = {"buy", "sell"}) String side,
                      @Schema(allowableValues = {"market", "limit"}) String type,
                      @Schema(allowableValues = {"spot", "linear"}, description = "default spot") String market,
                      @Schema(description = "limit legs: the worst price a slice may trade at") BigDecimal price) {
    }
}
