package io.crossbook.server.arbitrage;

import io.crossbook.core.exec.ExecutionPolicy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crossbook.arbitrage.*}: how pairs are priced, when an opportunity is news, how executions
 * run, and which triangular cycles are watched. Defaults are in application.yml.
 *
 * @param bookDepth      levels of each side the engine copies from a book per update (the deepest a
 *                       VWAP can reach: a pair's qty beyond them is too thin)
 * @param materialChange net spread move, in percentage points, that makes an open opportunity news again
 * @param cooldown       pause after an automatic execution of a pair before the next
 * @param slippage       fraction a leg may trade beyond its expected VWAP (limit price of its IOC order)
 * @param legTimeout     longest a leg order may stay open before it is cancelled
 * @param hedgeWindow    longest an imbalance between legs may last before the excess is unwound
 * @param maxRetries     orders that may retry a leg's missing quantity before unwinding
 * @param pairsFile      a JSON array of pair configs (each with an {@code id}) loaded at start
 */
@ConfigurationProperties("crossbook.arbitrage")
public record ArbitrageProperties(int bookDepth, double materialChange, Duration cooldown, BigDecimal slippage,
                                  Duration legTimeout, Duration hedgeWindow, int maxRetries, String pairsFile,
                                  Triangular triangular) {

    public static final ArbitrageProperties DEFAULTS = new ArbitrageProperties(50, 0.02, Duration.ofSeconds(5),
            new BigDecimal("0.001"), Duration.ofSeconds(2), Duration.ofSeconds(5), 2, null, null);

    public ArbitrageProperties {
        if (bookDepth < 1 || bookDepth > 5000) {
            throw new IllegalArgumentException("crossbook.arbitrage.book-depth must be 1 to 5000, not " + bookDepth);
        }
        if (materialChange <= 0) {
            throw new IllegalArgumentException("crossbook.arbitrage.material-change must be positive");
        }
        if (slippage == null || slippage.signum() < 0 || slippage.compareTo(new BigDecimal("0.1")) > 0) {
            throw new IllegalArgumentException("crossbook.arbitrage.slippage must be a fraction from 0 to 0.1, not " + slippage);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("crossbook.arbitrage.max-retries must be zero or more");
        }
        triangular = triangular == null ? new Triangular(null, null, null) : triangular;
    }

    public ExecutionPolicy policy() {
        return new ExecutionPolicy(slippage, legTimeout, hedgeWindow, maxRetries);
    }

    /**
     * {@code crossbook.arbitrage.triangular.*}: cycles start and end in {@code startAsset} with
     * {@code startQty} of it; {@code cycles} (ids such as {@code binance:USDT>BTC>ETH>USDT}) limit
     * them to those, otherwise every cycle the collected spot symbols form is watched.
     */
    public record Triangular(String startAsset, BigDecimal startQty, List<String> cycles) {
        public Triangular {
            startAsset = startAsset == null ? "USDT" : startAsset;
            startQty = startQty == null ? new BigDecimal("100") : startQty;
            cycles = cycles == null ? List.of() : List.copyOf(cycles);
            if (startQty.signum() <= 0) {
                throw new IllegalArgumentException("crossbook.arbitrage.triangular.start-qty must be positive");
            }
        }
    }
}
