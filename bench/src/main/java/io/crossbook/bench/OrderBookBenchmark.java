package io.crossbook.bench;

import io.crossbook.core.book.OrderBook;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Side;
import io.crossbook.core.model.Venue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One price-level update on a 1,000-level book in steady state: insert, change or remove near the
 * top, where real updates cluster. Run with {@code -prof gc} to see it allocates nothing.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderBookBenchmark {
    private static final long TOP_BID = 6_180_000; // 61,800.00 at scale 2
    private OrderBook book;
    private long i;

    @Setup
    public void fill() {
        book = new OrderBook(new InstrumentId(Venue.BINANCE, Market.LINEAR, "BTCUSDT"), 2, 3);
        for (int k = 0; k < 1000; k++) {
            book.set(Side.BID, TOP_BID - k * 10L, 1_000 + k);
            book.set(Side.ASK, TOP_BID + 10 + k * 10L, 1_000 + k);
        }
    }

    @Benchmark
    public long levelUpdate() {
        long k = i++;
        // Cycle through change, remove and re-insert of the top 20 levels of both sides.
        long offset = (k % 20) * 10;
        long qty = (k / 20) % 3 == 1 ? 0 : 500 + k % 7;
        book.set(Side.BID, TOP_BID - offset, qty);
        book.set(Side.ASK, TOP_BID + 10 + offset, qty);
        return book.bestBid();
    }

    @Benchmark
    public long vwapOneBtc() {
        return book.vwap(Side.ASK, 1_000).notional();
    }
}
