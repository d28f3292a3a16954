package io.crossbook.server.marketdata;

import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.server.api.ApiException;
import io.crossbook.server.api.ErrorCode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Prices from the collectors' books: only from a book in sync, never a stale or made-up one. A book
 * that is not in sync is {@code EXCHANGE_UNAVAILABLE} with the reason; an exchange or symbol that
 * is not collected is {@code VALIDATION_ERROR} naming the field.
 */
@Service
public class PriceService {
    public static final int DEFAULT_DEPTH = 20;
    /** Deep enough for any VWAP a trader asks for; deeper books are the feed's, not the API's. */
    public static final int MAX_DEPTH = 1000;
    public static final int MAX_BATCH = 50;
    public static final String TYPES = "spot|linear|inverse";
    public static final String TYPE_MESSAGE = "must be one of spot, linear, inverse";

    private final MarketDataService marketData;
    private final Counter hits;
    private final Counter misses;

    public PriceService(MarketDataService marketData, MeterRegistry registry) {
        this.marketData = marketData;
        this.hits = Counter.builder("crossbook.prices.cache").tag("result", "hit")
                .description("book reads served from the snapshot cache").register(registry);
        this.misses = Counter.builder("crossbook.prices.cache").tag("result", "miss")
                .description("book reads that went to the feed thread").register(registry);
    }

    /**
     * One book's top {@code depth} levels. Without {@code type}, a symbol collected in several of
     * the exchange's markets is taken from spot, then linear, then inverse.
     */
    public BookPrices price(String exchange, String symbol, String type, int depth) {
        Target target = resolve(exchange, symbol, type, "");
        BookRead read = Collector.await(target.collector.book(target.symbol, depth), target.collector.id());
        count(read);
        if (read instanceof BookRead.InSync in) {
            return BookPrices.of(in.snapshot(), depth);
        }
        throw new ApiException(ErrorCode.EXCHANGE_UNAVAILABLE, notInSync(target, (BookRead.NotInSync) read));
    }

    /** Several books, all or nothing: any book not in sync fails the batch, naming each such item. */
    public List<BookPrices> prices(List<PriceBatchRequest.Item> items, int depth) {
        List<Target> targets = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            PriceBatchRequest.Item item = items.get(i);
            targets.add(resolve(item.exchange(), item.symbol(), item.type(), "items[" + i + "]."));
        }
        List<CompletableFuture<BookRead>> reads = targets.stream().map(t -> t.collector.book(t.symbol, depth)).toList();
        List<BookPrices> out = new ArrayList<>(targets.size());
        List<String> unavailable = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            BookRead read = Collector.await(reads.get(i), targets.get(i).collector.id());
            count(read);
            switch (read) {
                case BookRead.InSync in -> out.add(BookPrices.of(in.snapshot(), depth));
                case BookRead.NotInSync not -> unavailable.add("items[" + i + "] " + notInSync(targets.get(i), not));
            }
        }
        if (!unavailable.isEmpty()) {
            throw new ApiException(ErrorCode.EXCHANGE_UNAVAILABLE, String.join("; ", unavailable));
        }
        return out;
    }

    public PriceCacheStats cacheStats() {
        long h = (long) hits.count();
        long m = (long) misses.count();
        return new PriceCacheStats(h, m, h + m == 0 ? 0 : (double) h / (h + m));
    }

    private void count(BookRead read) {
        (read instanceof BookRead.InSync in && in.cached() ? hits : misses).increment();
    }

    private record Target(Collector collector, String symbol) {
    }

    private Target resolve(String exchange, String symbol, String type, String field) {
        Venue venue = Arrays.stream(Venue.values()).filter(v -> v.id().equalsIgnoreCase(exchange)).findFirst()
                .orElseThrow(() -> ApiException.validation(field + "exchange: unknown exchange '" + exchange
                        + "' (expected one of " + Arrays.stream(Venue.values()).map(Venue::id).collect(Collectors.joining(", ")) + ")"));
        Market market = type == null ? null : Market.parse(type);
        List<Collector> collected = marketData.collectors().stream().filter(c -> c.venue() == venue)
                .sorted(Comparator.comparing(Collector::market)).toList();
        if (collected.isEmpty()) {
            throw ApiException.validation(field + "exchange: no " + venue.id() + " market data is collected");
        }
        for (Collector c : collected) {
            if (market != null && c.market() != market) {
                continue;
            }
            for (String s : c.symbols()) {
                if (s.equalsIgnoreCase(symbol)) {
                    return new Target(c, s);
                }
            }
        }
        throw ApiException.validation(field + "symbol: " + symbol + " is not collected on " + venue.id()
                + (market == null ? "" : " " + market.id()) + " (collected: " + collected.stream()
                .map(c -> c.market().id() + " " + String.join(",", c.symbols())).collect(Collectors.joining("; ")) + ")");
    }

    private static String notInSync(Target t, BookRead.NotInSync read) {
        FeedStatus status = t.collector.status();
        return t.collector.id() + ":" + t.symbol + " is not in sync: " + read.reason()
                + (status.state().up() ? "" : " (collector " + status.state() + ": " + status.detail() + ")");
    }
}
