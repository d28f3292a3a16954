package io.crossbook.server.marketdata;

import io.crossbook.server.api.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Order-book prices (API.md, "Prices and monitoring"). */
@RestController
@RequestMapping("/api/prices")
public class PriceController {
    private final PriceService prices;

    public PriceController(PriceService prices) {
        this.prices = prices;
    }

    @GetMapping("/{exchange}/{symbol}")
    public ApiResponse<BookPrices> price(@PathVariable String exchange, @PathVariable String symbol,
                                         @RequestParam(defaultValue = "" + PriceService.DEFAULT_DEPTH)
                                         @Min(1) @Max(PriceService.MAX_DEPTH) int depth,
                                         @RequestParam(required = false)
                                         @Pattern(regexp = PriceService.TYPES, message = PriceService.TYPE_MESSAGE) String type) {
        return ApiResponse.ok(prices.price(exchange, symbol, type, depth));
    }

    @PostMapping("/batch")
    public ApiResponse<List<BookPrices>> batch(@Valid @RequestBody PriceBatchRequest request) {
        return ApiResponse.ok(prices.prices(request.items(),
                request.depth() == null ? PriceService.DEFAULT_DEPTH : request.depth()));
    }
}
