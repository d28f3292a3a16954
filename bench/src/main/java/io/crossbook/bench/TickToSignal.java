package io.crossbook.bench;

import io.crossbook.bench.Machine.CpuUse;
import io.crossbook.core.arb.ArbitrageDesk;
import io.crossbook.core.twap.TwapDesk;
import io.crossbook.core.arb.Direction;
import io.crossbook.core.arb.FeeSchedule;
import io.crossbook.core.arb.PairConfig;
import io.crossbook.core.arb.SpreadQuote;
import io.crossbook.core.book.OrderBook;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.clean.FeedStats;
import io.crossbook.core.engine.Engine;
import io.crossbook.core.engine.EngineClock;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.server.arbitrage.ArbitrageProperties;
import io.crossbook.server.arbitrage.EngineFeed;
import io.crossbook.server.arbitrage.PaperDesk;
import io.crossbook.server.replay.InstrumentFile;
import io.crossbook.store.recording.RecordedMessage;
import io.crossbook.testkit.SharedData;
import io.crossbook.venues.Venues;
import io.crossbook.venues.common.FeedHandler;
import io.crossbook.venues.common.MarketDataListener;
import io.crossbook.venues.common.ResyncRequester;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tick-to-signal latency: from a raw frame in hand on the feed thread to the updated net spread of
 * every pair that prices from that book, on the engine thread, through the production path
 * threaded as the server runs it:
 * <ul>
 * <li>this thread is the feed thread: it hands each recorded message to its venue-market's
 *     {@link FeedHandler} (parse, sequence sync, apply, QingXi's checks), whose listener is the
 *     server's {@link EngineFeed} (copy of the watched book's top levels, then
 *     {@code engine.post});</li>
 * <li>a real {@link Engine} on its own thread runs the posted event: {@link ArbitrageDesk#onBook}
 *     re-prices every pair using that book (VWAP through depth, net of taker fees), then the paper
 *     venue matches resting orders (there are none).</li>
 * </ul>
 * Input: the Binance spot and USDⓈ-M BTCUSDT recordings of 2024-08-08 merged by receive time
 * (depth, bookTicker and trades all count), played at a constant rate: message {@code i} is due at
 * {@code start + i × (recorded mean interval / speed)}. Latency is measured from that due time, not
 * from when the feed thread got to the message, so a message kept waiting behind a slow one is
 * charged for its wait (coordinated omission corrected). It is recorded, for every book update
 * that reaches the engine, on the engine thread right after the event re-priced the pairs, into a
 * histogram only that thread writes. Two more time stamps split it: when the feed thread posts the
 * event (so: feed thread, queue hop with the engine's wake-up, engine), at the cost of two
 * {@code System.nanoTime()} calls (≈ 25 ns each) the server does not make. The feed thread waits
 * for each due time by parking while it is more than 200 µs off and spinning the rest, so at 100×
 * (a message every 26 µs) it keeps one CPU busy.
 *
 * <p>Four pairs on the two books, all disabled (no orders): spot/perp at 0.01, 0.1 and 1 BTC and
 * perp/spot at 0.01 BTC, so each update re-prices four pairs. Each speed is measured for
 * {@code --duration} seconds of wall-clock time, replaying the recording from its start (fresh
 * handlers, engine and desk) as often as needed; at 1× that is the first {@code --duration}
 * seconds of the recording.
 *
 * <p>The engine waits for events as the server's does by default, spinning
 * {@link Engine#DEFAULT_SPIN_NANOS} before it parks; {@code --engine-spin} sets another spin in µs,
 * or {@code busy} for an engine that never parks ({@code crossbook.engine.*}).
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.crossbook.bench.TickToSignal [--speeds 1,10,100]
 * [--duration 60] [--warmup 5] [--engine-spin 50|busy] [--data DIR] [--json FILE]}
 */
public final class TickToSignal {
    private static final List<String> RECORDINGS = List.of("binance/hftbacktest/spot/btcusdt_20240808.gz",
            "binance/hftbacktest/usdm/btcusdt_20240808.gz");
    /** The recorded exchangeInfo responses (the same files as server/src/test/resources/binance/exchange_info_*.json). */
    private static final List<String> EXCHANGE_INFO = List.of("binance/nautilus/http_spot_market_exchange_info.json",
            "binance/nautilus/http_futures_market_exchange_info.json");
    private static final List<Market> MARKETS = List.of(Market.SPOT, Market.LINEAR);
    private static final String SYMBOL = "BTCUSDT";
    private static final ArbitrageProperties PROPERTIES = ArbitrageProperties.DEFAULTS;
    /** The server's default paper balances (application.yml). */
    private static final Map<Venue, Map<String, BigDecimal>> BALANCES = Map.of(Venue.BINANCE,
            Map.of("USDT", new BigDecimal("10000"), "BTC", new BigDecimal("0.1")));
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};
    /** The target: p99 at most this at 100×. */
    private static final long TARGET_NANOS = 50_000;
    /** A park may overshoot by the timer slack (50 µs) plus a wake-up: spin at least this long before a due time. */
    private static final long PARK_MARGIN_NANOS = 200_000;
    /** CPUs other processes may use during a measurement before its figures are flagged. */
    private static final double BUSY_CPUS = 0.1;

    record Options(List<Double> speeds, int durationSeconds, int warmupPasses, long engineSpinNanos, Path data, Path json) {
        static Options parse(String[] args) {
            List<Double> speeds = List.of(1.0, 10.0, 100.0);
            int duration = 60;
            int warmup = 5;
            long spin = Engine.DEFAULT_SPIN_NANOS;
            Path data = null;
            Path json = null;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--speeds" -> speeds = Arrays.stream(value.split(",")).map(Double::valueOf).toList();
                    case "--duration" -> duration = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--engine-spin" -> spin = value.equals("busy") ? Engine.BUSY_SPIN
                            : TimeUnit.MICROSECONDS.toNanos(Long.parseLong(value));
                    case "--data" -> data = Path.of(value);
                    case "--json" -> json = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--speeds 1,10,100 --duration S --warmup PASSES --engine-spin MICROS|busy --data DIR --json FILE)");
                }
            }
            return new Options(speeds, duration, warmup, spin, data, json);
        }
    }

    /** The two recordings merged by receive time: message {@code i} is for handler {@code source[i]}. */
    record Input(long[] receiveNanos, String[] text, byte[] source, List<Map<String, Instrument>> instruments) {
        int size() {
            return text.length;
        }

        double spanSeconds() {
            return (receiveNanos[size() - 1] - receiveNanos[0]) / 1e9;
        }

        double meanIntervalNanos() {
            return (receiveNanos[size() - 1] - receiveNanos[0]) / (double) (size() - 1);
        }

        /** Reads everything into memory; null, after saying which file is missing, when one is. */
        static Input load(Path root) {
            List<String> missing = new ArrayList<>();
            for (String f : Stream.concat(RECORDINGS.stream(), EXCHANGE_INFO.stream()).toList()) {
                if (root == null || !Files.isRegularFile(root.resolve(f))) {
                    missing.add(f);
                }
            }
            if (!missing.isEmpty()) {
                System.err.println("TickToSignal: the shared recordings are absent: " + missing + " not found under "
                        + (root == null ? "../shared/data" : root) + " (pass --data DIR or set -Dcrossbook.shared.data=DIR)");
                return null;
            }
            List<Map<String, Instrument>> instruments = new ArrayList<>();
            List<List<RecordedMessage>> streams = new ArrayList<>();
            for (int k = 0; k < MARKETS.size(); k++) {
                instruments.add(new InstrumentFile(Venue.BINANCE, MARKETS.get(k), root.resolve(EXCHANGE_INFO.get(k))).load());
                streams.add(RecordedDepth.read(root.resolve(RECORDINGS.get(k))));
            }
            List<RecordedMessage> a = streams.get(0);
            List<RecordedMessage> b = streams.get(1);
            int n = a.size() + b.size();
            long[] receive = new long[n];
            String[] text = new String[n];
            byte[] source = new byte[n];
            for (int i = 0, ia = 0, ib = 0; i < n; i++) {
                boolean fromA = ib == b.size() || ia < a.size() && a.get(ia).receiveNanos() <= b.get(ib).receiveNanos();
                RecordedMessage m = fromA ? a.get(ia++) : b.get(ib++);
                receive[i] = m.receiveNanos();
                text[i] = m.text();
                source[i] = (byte) (fromA ? 0 : 1);
            }
            return new Input(receive, text, source, List.copyOf(instruments));
        }
    }

    /** What one speed measured. */
    record Result(double speed, double intervalNanos, int passes, long messages, Timings timings, double wallSeconds,
                  double otherCpus) {
    }

    /**
     * One speed's histograms, in nanoseconds. The book-update ones are written on the engine thread
     * only, {@code lateness} on the feed thread only; both are read once the passes are over.
     */
    static final class Timings {
        /** Due time to pairs re-priced: the tick-to-signal latency, corrected for coordinated omission. */
        final Histogram latency = newHistogram();
        /** Picked up by the feed thread to pairs re-priced: what a naive measurement would report. */
        final Histogram uncorrected = newHistogram();
        /** Picked up to posted: parse, sequence sync, apply, QingXi's checks, copy of the top levels. */
        final Histogram feed = newHistogram();
        /** Posted to run by the engine: the queue hop, including the engine thread's wake-up. */
        final Histogram hop = newHistogram();
        /** The event on the engine thread: every pair of the book re-priced, the paper venue's matching. */
        final Histogram engine = newHistogram();
        /** The latency less the queue hop: what it would be if the engine took the event the moment it was posted. */
        final Histogram withoutHop = newHistogram();
        /** How late the feed thread picked up each message (every kind) after its due time. */
        final Histogram lateness = newHistogram();

        void record(long due, long pickedUp, long posted, long run, long done) {
            latency.recordValue(done - due);
            uncorrected.recordValue(done - pickedUp);
            feed.recordValue(posted - pickedUp);
            hop.recordValue(run - posted);
            engine.recordValue(done - run);
            withoutHop.recordValue(posted - due + done - run);
        }

        Map<String, Histogram> all() {
            Map<String, Histogram> m = new LinkedHashMap<>();
            m.put("latency", latency);
            m.put("uncorrected", uncorrected);
            m.put("feed", feed);
            m.put("hop", hop);
            m.put("engine", engine);
            m.put("withoutHop", withoutHop);
            m.put("lateness", lateness);
            return m;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Input in = Input.load(options.data() != null ? options.data() : SharedData.root().orElse(null));
        if (in == null) {
            System.exit(2);
        }
        long depth = Arrays.stream(in.text()).filter(t -> t.contains("depthUpdate")).count();
        System.out.printf(Locale.ROOT, "input: %s + %s, %,d messages (%,d depth diffs) over %.1f s: mean interval %.1f µs, %.1f msg/s%n",
                RECORDINGS.get(0), RECORDINGS.get(1), in.size(), depth, in.spanSeconds(), in.meanIntervalNanos() / 1e3,
                (in.size() - 1) / in.spanSeconds());
        System.out.printf(Locale.ROOT, "machine: %s%n", Machine.describe());
        System.out.println("engine: " + spin(options.engineSpinNanos()));

        long warmupStart = System.nanoTime();
        for (int w = 0; w < options.warmupPasses(); w++) {
            Pass pass = new Pass(in, new Timings(), options.engineSpinNanos());
            pass.play(in.size(), 0);
            if (w == 0) {
                System.out.println("one pass: " + pass.summary());
            }
        }
        System.out.printf(Locale.ROOT, "warm-up: %d unpaced passes in %.1f s%n", options.warmupPasses(),
                (System.nanoTime() - warmupStart) / 1e9);

        List<Result> results = new ArrayList<>();
        for (double speed : options.speeds()) {
            Result r = measure(in, speed, options.durationSeconds(), options.engineSpinNanos());
            results.add(r);
            print(r);
        }
        System.out.println();
        System.out.println("tick-to-signal, µs (from the message's due time to its pairs re-priced on the engine thread); "
                + "target: p99 ≤ " + TARGET_NANOS / 1000 + " µs at 100×");
        System.out.println("| speed | interval | book updates | p50 | p90 | p99 | p99.9 | max | ≤ target | p99 uncorrected | p99 feed "
                + "| p99 hop | p99 engine | p99 less hop | other CPUs |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            Timings t = r.timings();
            Histogram h = t.latency;
            System.out.printf(Locale.ROOT, "| %s× | %.1f µs | %,d | %s | %s | **%s** | %s | %s | %.1f %% | %s | %s | %s | %s | %s | %.2f |%n",
                    speed(r.speed()), r.intervalNanos() / 1e3, h.getTotalCount(), us(h, 50), us(h, 90), us(h, 99), us(h, 99.9),
                    micros(h.getMaxValue()), h.getPercentileAtOrBelowValue(TARGET_NANOS), us(t.uncorrected, 99), us(t.feed, 99),
                    us(t.hop, 99), us(t.engine, 99), us(t.withoutHop, 99), r.otherCpus());
        }
        if (options.json() != null) {
            writeJson(options, in, results);
            System.out.println("written " + options.json());
        }
    }

    /** Plays the recording from its start at {@code speed} until {@code seconds} of wall-clock time are measured. */
    private static Result measure(Input in, double speed, int seconds, long engineSpinNanos) {
        double interval = in.meanIntervalNanos() / speed;
        long remaining = (long) Math.ceil(TimeUnit.SECONDS.toNanos(seconds) / interval);
        Timings timings = new Timings();
        int passes = 0;
        long messages = 0;
        CpuUse cpuAtStart = CpuUse.now();
        long start = System.nanoTime();
        while (remaining > 0) {
            int count = (int) Math.min(in.size(), remaining);
            new Pass(in, timings, engineSpinNanos).play(count, interval);
            remaining -= count;
            messages += count;
            passes++;
        }
        double wall = (System.nanoTime() - start) / 1e9;
        return new Result(speed, interval, passes, messages, timings, wall, CpuUse.now().othersSince(cpuAtStart));
    }

    /**
     * One replay from the start of the recording through a fresh pipeline: the two handlers on this
     * (feed) thread, the engine on its own thread. It is the handlers' listener, passing everything
     * to the real {@link EngineFeed}, and that feed's dispatch, which posts to the engine; book
     * updates are posted inside a timing wrapper.
     */
    private static final class Pass implements MarketDataListener, EngineFeed.Dispatch {
        private final Input input;
        private final Engine engine;
        private final PaperDesk desk;
        private final EngineFeed feed;
        private final List<FeedHandler<?>> handlers = new ArrayList<>();
        private final List<PairConfig> pairs;
        private final List<RuntimeException> failures = new CopyOnWriteArrayList<>();
        private final Timings timings;
        private boolean inBook;
        private long dueNanos;
        private long pickedUpNanos;

        Pass(Input in, Timings timings, long engineSpinNanos) {
            this.input = in;
            this.timings = timings;
            engine = new Engine("engine", EngineClock.wall(), failures::add, engineSpinNanos);
            desk = PaperDesk.create(engine, PROPERTIES, FeeSchedule.defaults(), BALANCES, Duration.ofMillis(50), BigDecimal.ONE,
                    PaperDesk.RiskStart.DEFAULT, new ArbitrageDesk.Events() {
                    }, 3, new TwapDesk.Events() {
                    });
            feed = new EngineFeed(desk, PROPERTIES.bookDepth(), this);
            for (int k = 0; k < MARKETS.size(); k++) {
                handlers.add(Venues.protocol(Venue.BINANCE, MARKETS.get(k)).newHandler(in.instruments().get(k),
                        CleaningRules.DEFAULT, this, ResyncRequester.NONE));
            }
            Instrument spot = in.instruments().get(0).get(SYMBOL);
            Instrument perp = in.instruments().get(1).get(SYMBOL);
            pairs = List.of(pair("spot-perp-0.01", spot, perp, "0.01"), pair("spot-perp-0.1", spot, perp, "0.1"),
                    pair("spot-perp-1", spot, perp, "1"), pair("perp-spot-0.01", perp, spot, "0.01"));
            engine.start();
            engine.post(() -> pairs.forEach(p -> desk.desk().putPair(p, BigDecimal.ZERO)));
        }

        private static PairConfig pair(String id, Instrument leg1, Instrument leg2, String qty) {
            return new PairConfig(id, leg1, leg2, new BigDecimal("0.1"), new BigDecimal(qty), new BigDecimal("1000000"),
                    Direction.AUTO, false);
        }

        /**
         * Feeds the first {@code count} messages, message {@code i} due {@code i × interval} after the
         * start ({@code interval} 0: each as soon as the previous is done, its due time the moment it
         * is taken), then waits for the engine to run everything posted and stops it.
         */
        void play(int count, double interval) {
            long[] receive = input.receiveNanos();
            String[] text = input.text();
            byte[] source = input.source();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long now = System.nanoTime();
                long due = now;
                if (interval > 0) {
                    due = start + (long) (i * interval);
                    now = waitUntil(due, now);
                    timings.lateness.recordValue(now - due);
                }
                dueNanos = due;
                pickedUpNanos = now;
                handlers.get(source[i]).onMessage(receive[i], text[i]);
            }
            finish();
        }

        private void finish() {
            CountDownLatch drained = new CountDownLatch(1);
            engine.post(drained::countDown);
            try {
                if (!drained.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the engine did not drain its queue within 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            engine.stop();
            if (!failures.isEmpty()) {
                throw new IllegalStateException(failures.size() + " engine events failed, the first: " + failures.getFirst(),
                        failures.getFirst());
            }
            for (FeedHandler<?> h : handlers) {
                for (FeedStats s : h.stats()) {
                    if (s.gaps() != 0 || !h.book(SYMBOL).valid()) {
                        throw new IllegalStateException(s.instrument() + " lost sync (" + s.gaps()
                                + " gaps): the benchmark would measure the wrong thing");
                    }
                }
            }
            for (PairConfig p : pairs) {
                SpreadQuote q = desk.desk().quote(p.id());
                if (q == null || q.netSpreadPercent() == null) {
                    throw new IllegalStateException("pair " + p.id() + " was not priced: " + q);
                }
            }
        }

        /** Per book: messages, applied, gaps, resyncs, anomalies. */
        String summary() {
            StringBuilder s = new StringBuilder();
            for (FeedHandler<?> h : handlers) {
                for (FeedStats f : h.stats()) {
                    s.append(String.format(Locale.ROOT, "%s %,d messages, %,d applied, %d gaps, %d resyncs, %d anomalies; ",
                            f.instrument(), f.messages(), f.applied(), f.gaps(), f.resyncs(), f.anomalies()));
                }
            }
            return s.toString();
        }

        @Override
        public void onBook(OrderBook book) {
            inBook = true;
            try {
                feed.onBook(book);
            } finally {
                inBook = false;
            }
        }

        @Override
        public void onBookInvalid(OrderBook book) {
            feed.onBookInvalid(book);
        }

        @Override
        public void dispatch(long receiveNanos, Runnable event) {
            if (!inBook) {
                engine.post(event);
                return;
            }
            long due = dueNanos;
            long pickedUp = pickedUpNanos;
            long posted = System.nanoTime();
            engine.post(() -> {
                long run = System.nanoTime();
                event.run();
                timings.record(due, pickedUp, posted, run, System.nanoTime());
            });
        }
    }

    /**
     * Waits for {@code due}: parks while it is far off, so that at low rates the feed thread leaves
     * the CPU to the others as a thread blocked on its socket would, and spins the last stretch,
     * which a park could overshoot.
     */
    private static long waitUntil(long due, long now) {
        while (due - now > PARK_MARGIN_NANOS) {
            LockSupport.parkNanos(due - now - PARK_MARGIN_NANOS);
            now = System.nanoTime();
        }
        while (now < due) {
            Thread.onSpinWait();
            now = System.nanoTime();
        }
        return now;
    }

    private static Histogram newHistogram() {
        return new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    }

    private static void print(Result r) {
        Timings t = r.timings();
        System.out.printf(Locale.ROOT, "%n%s× (one message every %.1f µs, %.0f msg/s): %d pass(es), %,d messages in %.1f s, "
                        + "%,d book updates re-priced; other processes used %.2f CPUs%n", speed(r.speed()), r.intervalNanos() / 1e3,
                1e9 / r.intervalNanos(), r.passes(), r.messages(), r.wallSeconds(), t.latency.getTotalCount(), r.otherCpus());
        System.out.printf(Locale.ROOT, "  tick-to-signal, from due time:   %s%n", line(t.latency));
        System.out.printf(Locale.ROOT, "  uncorrected, from pick-up:       %s%n", line(t.uncorrected));
        System.out.printf(Locale.ROOT, "    feed thread, pick-up to post:  %s%n", line(t.feed));
        System.out.printf(Locale.ROOT, "    queue hop, post to run:        %s%n", line(t.hop));
        System.out.printf(Locale.ROOT, "    engine, re-pricing:            %s%n", line(t.engine));
        System.out.printf(Locale.ROOT, "  latency less the queue hop:      %s%n", line(t.withoutHop));
        System.out.printf(Locale.ROOT, "  feed lateness, every message:    %s%n", line(t.lateness));
        System.out.printf(Locale.ROOT, "  within the %d µs target: %.2f %% of book updates%n", TARGET_NANOS / 1000,
                t.latency.getPercentileAtOrBelowValue(TARGET_NANOS));
        if (r.otherCpus() > BUSY_CPUS) {
            System.out.printf(Locale.ROOT, "  WARNING: other processes used %.2f CPUs meanwhile: these figures are not this pipeline's alone; "
                    + "rerun on a quiet machine%n", r.otherCpus());
        }
    }

    private static String line(Histogram h) {
        StringBuilder s = new StringBuilder();
        for (double p : PERCENTILES) {
            s.append(String.format(Locale.ROOT, "p%s %s µs, ", speed(p), us(h, p)));
        }
        return s.append("max ").append(micros(h.getMaxValue())).append(" µs").toString();
    }

    private static String us(Histogram h, double percentile) {
        return micros(h.getValueAtPercentile(percentile));
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, nanos < 10_000 ? "%.2f" : nanos < 100_000 ? "%.1f" : "%,.0f", nanos / 1e3);
    }

    private static String speed(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    private static String spin(long nanos) {
        return nanos == Engine.BUSY_SPIN ? "busy-spins (never parks)" : "spins " + nanos / 1000 + " µs before it parks";
    }

    private static void writeJson(Options options, Input in, List<Result> results) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("machine", Machine.describe());
        out.put("input", Map.of("recordings", RECORDINGS, "messages", in.size(), "spanSeconds", in.spanSeconds(),
                "meanIntervalMicros", in.meanIntervalNanos() / 1e3));
        out.put("durationSeconds", options.durationSeconds());
        out.put("warmupPasses", options.warmupPasses());
        out.put("engine", spin(options.engineSpinNanos()));
        List<Map<String, Object>> speeds = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("speed", r.speed());
            s.put("intervalMicros", r.intervalNanos() / 1e3);
            s.put("passes", r.passes());
            s.put("messages", r.messages());
            s.put("bookUpdates", r.timings().latency.getTotalCount());
            s.put("otherCpus", r.otherCpus());
            s.put("withinTargetPercent", r.timings().latency.getPercentileAtOrBelowValue(TARGET_NANOS));
            r.timings().all().forEach((name, h) -> s.put(name + "Micros", percentiles(h)));
            speeds.add(s);
        }
        out.put("results", speeds);
        Files.writeString(options.json(), JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    }

    private static Map<String, Double> percentiles(Histogram h) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (double p : PERCENTILES) {
            m.put("p" + speed(p), h.getValueAtPercentile(p) / 1e3);
        }
        m.put("max", h.getMaxValue() / 1e3);
        return m;
    }

    private TickToSignal() {
    }
}
