package io.crossbook.server.arbitrage;

import io.crossbook.core.arb.FeeSchedule;
import io.crossbook.core.arb.SpreadQuote;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.server.account.PaperProperties;
import io.crossbook.server.replay.InstrumentFile;
import io.crossbook.server.replay.ReplayReport;
import io.crossbook.server.replay.ReplaySource;
import io.crossbook.server.replay.ReplayTestData;
import io.crossbook.server.replay.Speed;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.risk.RiskLimits;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The spot–perp pair the arbitrage replay tests run: Binance spot BTCUSDT against Binance USDⓈ-M
 * BTCUSDT, with the exchanges' recorded instrument metadata, and an observer that keeps
 * everything the replay reports in the order it happened.
 */
public final class SpotPerpReplay {
    static final Path SPOT_INFO = resource("binance/exchange_info_spot.json");
    static final Path USDM_INFO = resource("binance/exchange_info_usdm.json");
    public static final String PAIR = "btc-spot-perp";
    public static final BigDecimal QTY = new BigDecimal("0.01");
    /** Net spread, percent, at which the pair trades. */
    public static final BigDecimal THRESHOLD = new BigDecimal("0.01");
    static final BigDecimal SPOT_TAKER = new BigDecimal("0.001");
    static final BigDecimal LINEAR_TAKER = new BigDecimal("0.0005");
    public static final Duration LATENCY = Duration.ofMillis(50);
    public static final Map<Venue, Map<String, BigDecimal>> BALANCES = Map.of(Venue.BINANCE,
            Map.of("USDT", new BigDecimal("100000"), "BTC", new BigDecimal("1")));

    /**
     * The default risk limits but for exposure: the ample balances above (1 BTC) are already beyond
     * the default per-venue position, and these replays are about pricing and fills, not limits.
     */
    public static final RiskLimits LIMITS = new RiskLimits(RiskLimits.DEFAULTS.maxSlippagePercent(),
            RiskLimits.DEFAULTS.maxOrderNotional(), new BigDecimal("10000000"), new BigDecimal("10000000"),
            RiskLimits.DEFAULTS.maxDailyLoss(), RiskLimits.DEFAULTS.maxOpenOrders(), RiskLimits.DEFAULTS.minBookLiquidity(),
            RiskLimits.DEFAULTS.minSpreadPercent(), RiskLimits.DEFAULTS.maxVenueDeviationPercent(),
            RiskLimits.DEFAULTS.pairMaxConsecutiveFailures(), RiskLimits.DEFAULTS.pairMaxErrorRate(),
            RiskLimits.DEFAULTS.pairErrorRateMinSamples(), RiskLimits.DEFAULTS.pairErrorWindowMs(),
            RiskLimits.DEFAULTS.pairPauseMs(), RiskLimits.DEFAULTS.venueMaxErrors(),
            RiskLimits.DEFAULTS.venueErrorWindowMs(), RiskLimits.DEFAULTS.venuePauseMs(),
            RiskLimits.DEFAULTS.venueMaxPauseMs(), RiskLimits.DEFAULTS.anomalyResumeAfterMs());

    /** One desk event with the number of quotes the observer had seen before it. */
    public record Event(int quotesBefore, String name, Object data) {
        @Override
        public String toString() {
            return "after quote " + quotesBefore + ": " + name + " " + data;
        }
    }

    /** What one replay reported, in order. */
    public record Run(List<SpreadQuote> quotes, List<Event> events, ReplayReport report) {
        /** Quotes and events interleaved as they came, each rendered in full. */
        List<String> log() {
            List<String> out = new ArrayList<>();
            int q = 0;
            for (Event e : events) {
                while (q < e.quotesBefore()) {
                    out.add(quotes.get(q++).toString());
                }
                out.add(e.toString());
            }
            quotes.subList(q, quotes.size()).forEach(quote -> out.add(quote.toString()));
            return out;
        }

        public List<Event> events(String name) {
            return events.stream().filter(e -> e.name().equals(name)).toList();
        }

        public ArbitrageReplay.PairReport pair() {
            return report.pairs().stream().filter(p -> p.id().equals(PAIR)).findFirst().orElseThrow();
        }
    }

    private SpotPerpReplay() {
    }

    public static List<ReplaySource> sources(Path spot, Path usdm) {
        return List.of(new ReplaySource(Venue.BINANCE, Market.SPOT, List.of(spot))
                        .with(new InstrumentFile(Venue.BINANCE, Market.SPOT, SPOT_INFO)),
                new ReplaySource(Venue.BINANCE, Market.LINEAR, List.of(usdm))
                        .with(new InstrumentFile(Venue.BINANCE, Market.LINEAR, USDM_INFO)));
    }

    public static List<ReplaySource> excerpts() {
        return sources(ReplayTestData.SPOT_EXCERPT, ReplayTestData.USDM_EXCERPT);
    }

    /** Leg 1 spot, leg 2 the perpetual, {@link #QTY} per trade, either direction, no practical cap. */
    public static PairRequest pair() {
        return new PairRequest(PAIR, new PairRequest.Leg("binance", "BTCUSDT", "spot"),
                new PairRequest.Leg("binance", "BTCUSDT", "linear"), THRESHOLD, QTY, new BigDecimal("1000000000"),
                "auto", true);
    }

    /** The server's defaults but for the fees, with ample paper balances. */
    public static ArbitrageReplay.Config config(FeeSchedule fees) {
        return new ArbitrageReplay.Config(ArbitrageProperties.DEFAULTS, fees, BALANCES,
                new PaperProperties(BALANCES, LATENCY, BigDecimal.ONE), LIMITS, CleaningRules.DEFAULT);
    }

    /** Binance spot and USDⓈ-M at the given taker rates. */
    public static FeeSchedule fees(BigDecimal spot, BigDecimal linear) {
        return FeeSchedule.defaults().withTaker(Venue.BINANCE, Market.SPOT, spot)
                .withTaker(Venue.BINANCE, Market.LINEAR, linear);
    }

    public static Run run(List<ReplaySource> sources, ArbitrageReplay.Config config) {
        List<SpreadQuote> quotes = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        ArbitrageReplay.Observer observer = new ArbitrageReplay.Observer() {
            @Override
            public void quote(SpreadQuote quote) {
                quotes.add(quote);
            }

            @Override
            public void event(String name, Object data) {
                events.add(new Event(quotes.size(), name, data));
            }
        };
        ReplayReport report = new ArbitrageReplay(sources, List.of(pair()), config, observer).run(Speed.MAX, n -> {
        });
        return new Run(List.copyOf(quotes), List.copyOf(events), report);
    }

    private static Path resource(String name) {
        try {
            return Path.of(SpotPerpReplay.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
