package io.crossbook.venues.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.clean.FeedStats;
import io.crossbook.core.model.Market;
import io.crossbook.testkit.sim.BookView;
import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.MarketEvent.Level;
import io.crossbook.venues.common.MarketDataConnection;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.MarketDataProtocol;
import io.crossbook.venues.common.RawMessageSink;
import io.crossbook.venues.common.RestClient;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Books compared level for level: a market-data client's against the simulated exchange's own. */
final class SimBooks {
    static final int DEPTH = 5;

    private SimBooks() {
    }

    /** A market-data connection to the simulator through {@code protocol}, started, reconnecting after 100 ms. */
    static MarketDataConnection connect(MarketDataProtocol protocol, String symbol) {
        MarketDataConnection connection = new MarketDataConnection(protocol, List.of(symbol),
                new CleaningRules(0.5, Duration.ofSeconds(30), Duration.ofMinutes(10)), MarketDataListener.NONE, RawMessageSink.NONE,
                new RestClient(HttpClient.newHttpClient()), Duration.ofMillis(100));
        connection.start();
        return connection;
    }

    /** Waits until the client's book is valid and level for level the simulator's. */
    static void awaitSame(MarketDataConnection connection, ExchangeSimulator sim, Market market, String symbol) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client(connection, symbol))
                .isNotEmpty().isEqualTo(exchange(sim, market, symbol)));
    }

    /** The counters of the connection's one book. */
    static FeedStats stats(MarketDataConnection connection) throws Exception {
        return connection.stats().get(2, TimeUnit.SECONDS).getFirst();
    }

    /** The client's top levels, {@code "price qty"} per level, bids then asks; empty while it has no valid book. */
    static List<String> client(MarketDataConnection connection, String symbol) throws Exception {
        BookSnapshot book = connection.book(symbol, DEPTH).get(2, TimeUnit.SECONDS);
        List<String> out = new ArrayList<>();
        if (book == null || !book.valid()) {
            return out;
        }
        for (int i = 0; i < book.bidPrices().length; i++) {
            out.add("bid " + text(book.bidPrices()[i], book.priceScale()) + " " + text(book.bidQtys()[i], book.qtyScale()));
        }
        for (int i = 0; i < book.askPrices().length; i++) {
            out.add("ask " + text(book.askPrices()[i], book.priceScale()) + " " + text(book.askQtys()[i], book.qtyScale()));
        }
        return out;
    }

    /** The simulator's top levels in the same form. */
    static List<String> exchange(ExchangeSimulator sim, Market market, String symbol) {
        BookView book = sim.replay().book(market, symbol, DEPTH);
        List<String> out = new ArrayList<>();
        for (Level l : book.bids()) {
            out.add("bid " + l.price().stripTrailingZeros().toPlainString() + " " + l.qty().stripTrailingZeros().toPlainString());
        }
        for (Level l : book.asks()) {
            out.add("ask " + l.price().stripTrailingZeros().toPlainString() + " " + l.qty().stripTrailingZeros().toPlainString());
        }
        return out;
    }

    private static String text(long mantissa, int scale) {
        return BigDecimal.valueOf(mantissa, scale).stripTrailingZeros().toPlainString();
    }
}
