package io.crossbook.server.account;

import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.Balance;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The paper trading accounts, one per exchange, starting from the configured balances. Paper execution
 * is what will debit and credit them; until then nothing is locked.
 */
@Component
public class PaperAccounts {
    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{1,20}");

    private final Map<Venue, List<Balance>> balances = new EnumMap<>(Venue.class);

    /** Refuses an asset name that is not one, a negative amount, or an asset given twice in different case. */
    public PaperAccounts(PaperProperties properties) {
        properties.balances().forEach((venue, amounts) -> {
            Map<String, BigDecimal> byAsset = new TreeMap<>();
            amounts.forEach((name, amount) -> {
                String asset = name.toUpperCase(Locale.ROOT);
                String key = "crossbook.paper.balances." + venue.id() + "." + name;
                if (!ASSET.matcher(asset).matches()) {
                    throw new IllegalArgumentException(key + ": '" + name + "' is not an asset name (letters and digits)");
                }
                if (amount == null || amount.signum() < 0) {
                    throw new IllegalArgumentException(key + " must be zero or more, not " + amount);
                }
                if (byAsset.put(asset, amount) != null) {
                    throw new IllegalArgumentException(key + ": " + asset + " is given twice for " + venue.id()
                            + " (asset names are case-insensitive)");
                }
            });
            balances.put(venue, byAsset.entrySet().stream()
                    .map(e -> new Balance(e.getKey(), e.getValue(), BigDecimal.ZERO))
                    .toList());
        });
    }

    /** The exchange's starting paper balances, by asset name; empty when none are configured for it. */
    public List<Balance> balances(Venue venue) {
        return balances.getOrDefault(venue, List.of());
    }

    /** The starting balances of an exchange's paper account, asset to amount. */
    public Map<String, BigDecimal> starting(Venue venue) {
        Map<String, BigDecimal> out = new TreeMap<>();
        balances(venue).forEach(b -> out.put(b.asset(), b.free()));
        return out;
    }
}
