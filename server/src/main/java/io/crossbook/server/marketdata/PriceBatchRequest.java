package io.crossbook.server.marketdata;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /api/prices/batch}: the books to read, each as {@code GET /api/prices/{exchange}/{symbol}}
 * would; {@code depth} (added) applies to all of them, 20 if absent.
 */
public record PriceBatchRequest(
        @NotEmpty @Size(max = PriceService.MAX_BATCH, message = "at most " + PriceService.MAX_BATCH + " items per batch")
        List<@NotNull @Valid Item> items,
        @Min(1) @Max(PriceService.MAX_DEPTH) Integer depth) {

    public record Item(@NotBlank String exchange, @NotBlank String symbol,
                       @Pattern(regexp = PriceService.TYPES, message = PriceService.TYPE_MESSAGE) String type) {
    }
}
