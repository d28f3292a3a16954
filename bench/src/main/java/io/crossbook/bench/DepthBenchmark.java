package io.crossbook.bench;

import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Market;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.venues.binance.BinanceFeedHandler;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.MessageKind;
import io.crossbook.venues.common.ResyncRequester;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One real depth message per operation through {@link BinanceFeedHandler}: JSON parse, sequence
 * check, validation, apply to the book and QingXi's checks. The messages are the USDⓈ-M BTCUSDT
 * recording in order; at its end a fresh handler starts again from the first message (buffering
 * and the 1000-level snapshot included), once every ~6,550 operations.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class DepthBenchmark {
    private List<RecordedMessage> messages;
    private BinanceFeedHandler handler;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        messages = RecordedDepth.bookOnly();
        restart();
    }

    private void restart() {
        handler = new BinanceFeedHandler(Market.LINEAR, Map.of(), CleaningRules.DEFAULT, MarketDataListener.NONE,
                ResyncRequester.NONE);
        next = 0;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public MessageKind throughput() {
        return one();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public MessageKind latency() {
        return one();
    }

    private MessageKind one() {
        if (next == messages.size()) {
            restart();
        }
        RecordedMessage m = messages.get(next++);
        return handler.onMessage(m.receiveNanos(), m.text());
    }
}
