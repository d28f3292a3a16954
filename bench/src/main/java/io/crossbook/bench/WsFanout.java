package io.crossbook.bench;

import io.crossbook.bench.RecordedTickers.Change;
import io.crossbook.bench.Machine.CpuUse;
import io.crossbook.bench.RecordedTickers.Instrument;
import io.crossbook.server.events.PriceUpdate;
import io.crossbook.server.ws.WsGateway;
import io.crossbook.server.ws.WsStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The WebSocket fan-out harness: the gateway in embedded Tomcat ({@link FanoutServer}),
 * {@code --clients} WebSocket clients in this JVM ({@link FanoutClients}, on {@code --selectors}
 * threads), each subscribed to {@code price_update:binance:BTCUSDT}, {@code ETHUSDT} and
 * {@code BTCUSD_PERP} (five instruments: spot, USDⓈ-M and COIN-M), and this thread as the feed,
 * publishing the recorded best bid/ask changes of those instruments through
 * {@code EventSink.price}. Each update carries its publication's {@code System.nanoTime()} in
 * {@code ts}, so that the clients measure publication to receipt.
 *
 * <p>{@code --rate N} publishes N updates per second per instrument, evenly spaced: below the
 * 100 ms coalescing interval every update reaches every client, and the latency is the gateway's
 * own. {@code --rate recorded} replays the recordings' own timing ({@code --speed} times faster):
 * bursts are coalesced, and the latency of the updates that were held includes that intended wait.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.crossbook.bench.WsFanout --clients 500 --rate 8
 * --warmup 30 --duration 60}
 */
public final class WsFanout {
    private static final List<String> CHANNELS = List.of("price_update:binance:BTCUSDT", "price_update:binance:ETHUSDT",
            "price_update:binance:BTCUSD_PERP");

    record Options(int clients, Double rate, double speed, int warmupSeconds, int durationSeconds, int selectors) {
        static Options parse(String[] args) {
            int clients = 500;
            Double rate = 8.0;
            double speed = 1;
            int warmup = 10;
            int duration = 30;
            int selectors = 1;
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--clients" -> clients = Integer.parseInt(value);
                    case "--rate" -> rate = value.equals("recorded") ? null : Double.valueOf(value);
                    case "--speed" -> speed = Double.parseDouble(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--duration" -> duration = Integer.parseInt(value);
                    case "--selectors" -> selectors = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--clients N --rate N|recorded --speed X --warmup S --duration S --selectors N)");
                }
            }
            return new Options(clients, rate, speed, warmup, duration, selectors);
        }
    }

    /** One scheduled publication: an instrument's next change, at an offset from the start. */
    private record Publication(long offsetNanos, Instrument instrument, Change change) {
    }

    /** What the feed thread saw in the measured window: its cost per update; the gateway's counters and the CPU use at the start. */
    private record Published(long[] costNanos, WsStats atStart, CpuUse cpuAtStart) {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<Publication> schedule = schedule(options, RecordedTickers.load());
        try (ConfigurableApplicationContext server = FanoutServer.start();
                FanoutClients clients = new FanoutClients(((WebServerApplicationContext) server).getWebServer().getPort(),
                        FanoutServer.TOKEN, CHANNELS, options.clients(), options.selectors())) {
            clients.awaitSubscribed(30);
            WsGateway gateway = server.getBean(WsGateway.class);
            long start = System.nanoTime();
            long measureFrom = start + Duration.ofSeconds(options.warmupSeconds()).toNanos();
            long end = measureFrom + Duration.ofSeconds(options.durationSeconds()).toNanos();
            clients.measure(measureFrom, end);
            Published published = publish(schedule, gateway, start, measureFrom, end);
            CpuUse cpuAtEnd = CpuUse.now();
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos()); // the last coalesced updates
            report(options, clients, clients.stopAndCollect(), published, gateway.stats(), cpuAtEnd);
        }
        System.exit(0);
    }

    /** Publishes the schedule, repeated as often as needed, from {@code start} until {@code end}. */
    private static Published publish(List<Publication> schedule, WsGateway gateway, long start, long measureFrom, long end) {
        long cycleNanos = schedule.getLast().offsetNanos() + 1;
        long[] cost = new long[1024];
        int n = 0;
        WsStats atStart = null;
        CpuUse cpuAtStart = null;
        for (long i = 0; ; i++) {
            Publication p = schedule.get((int) (i % schedule.size()));
            long due = start + i / schedule.size() * cycleNanos + p.offsetNanos();
            if (due - end >= 0) {
                return new Published(Arrays.copyOf(cost, n), atStart, cpuAtStart);
            }
            for (long wait; (wait = due - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(wait);
            }
            if (atStart == null && due - measureFrom >= 0) {
                atStart = gateway.stats();
                cpuAtStart = CpuUse.now();
            }
            long t0 = System.nanoTime();
            gateway.price(new PriceUpdate("binance", p.instrument().type(), p.instrument().symbol(),
                    p.change().bid(), p.change().ask(), t0));
            long spent = System.nanoTime() - t0;
            if (t0 - measureFrom >= 0) {
                if (n == cost.length) {
                    cost = Arrays.copyOf(cost, n * 2);
                }
                cost[n++] = spent;
            }
        }
    }

    private static List<Publication> schedule(Options options, List<Instrument> instruments) {
        List<Publication> schedule = new ArrayList<>();
        if (options.rate() == null) {
            long first = instruments.stream().mapToLong(i -> i.changes().getFirst().receiveNanos()).min().orElseThrow();
            for (Instrument instrument : instruments) {
                for (Change change : instrument.changes()) {
                    schedule.add(new Publication((long) ((change.receiveNanos() - first) / options.speed()), instrument, change));
                }
            }
            schedule.sort(Comparator.comparingLong(Publication::offsetNanos));
        } else {
            // Each instrument at the rate, staggered; its recorded changes in order.
            long period = (long) (1e9 / options.rate());
            long step = period / instruments.size();
            int rounds = instruments.stream().mapToInt(i -> i.changes().size()).min().orElseThrow();
            for (int round = 0; round < rounds; round++) {
                for (int k = 0; k < instruments.size(); k++) {
                    Instrument instrument = instruments.get(k);
                    schedule.add(new Publication(round * period + k * step, instrument, instrument.changes().get(round)));
                }
            }
        }
        return schedule;
    }

    private static void report(Options options, FanoutClients clients, long[] latencies, Published published, WsStats end,
            CpuUse cpuAtEnd) {
        long[] cost = published.costNanos();
        Arrays.sort(cost);
        WsStats start = published.atStart();
        long expected = (long) cost.length * clients.size();
        System.out.printf(Locale.ROOT, "%nWsFanout: %d clients x %d channels (5 instruments), %s, %d s measured after %d s warm-up%n",
                clients.size(), CHANNELS.size(), options.rate() == null
                        ? "recorded timing x" + options.speed() : options.rate() + " updates/s per instrument",
                options.durationSeconds(), options.warmupSeconds());
        System.out.printf(Locale.ROOT, "published %,d updates (%.1f/s); received %,d of %,d (%.2f %%); coalesced %,d; "
                        + "dropped clients %d (closed by the server %d)%n",
                cost.length, cost.length / (double) options.durationSeconds(), latencies.length, expected,
                100.0 * latencies.length / expected, end.coalesced() - start.coalesced(), end.dropped(), clients.closedByServer());
        System.out.printf(Locale.ROOT, "publish -> receipt: p50 %s, p95 %s, p99 %s, p99.9 %s, max %s%n",
                ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99), ms(latencies, 0.999), ms(latencies, 1));
        System.out.printf(Locale.ROOT, "feed thread per update (EventSink.price): p50 %s, p99 %s, max %s%n",
                ms(cost, 0.50), ms(cost, 0.99), ms(cost, 1));
        System.out.printf(Locale.ROOT, "CPU in the window: %s%n", cpuAtEnd.since(published.cpuAtStart()));
        System.out.printf(Locale.ROOT, "machine: %s%n", Machine.describe());
    }

    private static String ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return "-";
        }
        long nanos = sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    private WsFanout() {
    }
}
