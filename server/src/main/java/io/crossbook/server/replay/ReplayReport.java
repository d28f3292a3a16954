package io.crossbook.server.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crossbook.server.arbitrage.ArbitrageReplay.PairReport;
import java.util.List;
import java.util.Locale;

/**
 * What a replay saw, per instrument, and how fast it went; with {@code --pairs}, what each pair
 * did (opportunities, paper executions, fees, P&L). Prices are decimal strings.
 */
public record ReplayReport(List<InstrumentReport> instruments, Throughput throughput,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<PairReport> pairs) {

    public ReplayReport(List<InstrumentReport> instruments, Throughput throughput) {
        this(instruments, throughput, null);
    }

    public ReplayReport withPairs(List<PairReport> pairReports) {
        return new ReplayReport(instruments, throughput, List.copyOf(pairReports));
    }

    public record InstrumentReport(String venue, String market, String symbol, long messages, long applied, long gaps,
                                   long resyncs, long checksumFailures, long anomalies, String bestBid, String bestAsk) {
    }

    /**
     * {@code messagesPerSecond}: every message over the replay's wall time, reading and
     * decompression included; {@code depthMessagesPerSecond}: order-book messages over the time
     * spent parsing, syncing and applying them.
     */
    public record Throughput(long messages, long depthMessages, double wallSeconds, long messagesPerSecond,
                             long depthMessagesPerSecond, Percentiles applyLatencyNanos) {
    }

    public record Percentiles(long p50, long p99, long p999) {
    }

    /** A readable summary for the terminal. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-28s %9s %9s %5s %7s %9s %9s  %-14s %-14s%n", "instrument", "messages",
                "applied", "gaps", "resyncs", "checksum✗", "anomalies", "best bid", "best ask"));
        for (InstrumentReport i : instruments) {
            sb.append(String.format(Locale.ROOT, "%-28s %9d %9d %5d %7d %9d %9d  %-14s %-14s%n",
                    i.venue() + ":" + i.market() + ":" + i.symbol(), i.messages(), i.applied(), i.gaps(), i.resyncs(),
                    i.checksumFailures(), i.anomalies(), i.bestBid() == null ? "-" : i.bestBid(),
                    i.bestAsk() == null ? "-" : i.bestAsk()));
        }
        if (pairs != null) {
            sb.append(String.format(Locale.ROOT, "%-28s %13s %10s %16s %16s%n", "pair", "opportunities", "executions",
                    "fees", "pnl"));
            for (PairReport p : pairs) {
                sb.append(String.format(Locale.ROOT, "%-28s %13d %10d %16s %16s%n", p.id(), p.opportunities(),
                        p.executions(), p.fees().toPlainString(), p.pnl().toPlainString()));
            }
        }
        Throughput t = throughput;
        sb.append(String.format(Locale.ROOT, "%,d messages (%,d depth) in %.2f s: %,d msg/s overall, %,d depth msg/s "
                        + "parse+sync+apply; apply latency p50 %,d ns, p99 %,d ns, p99.9 %,d ns%n",
                t.messages(), t.depthMessages(), t.wallSeconds(), t.messagesPerSecond(), t.depthMessagesPerSecond(),
                t.applyLatencyNanos().p50(), t.applyLatencyNanos().p99(), t.applyLatencyNanos().p999()));
        return sb.toString();
    }
}
