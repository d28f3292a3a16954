package io.crossbook.server.ws;

import io.crossbook.core.model.Venue;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The channels of API.md "WebSocket /ws": one per event, and {@code price_update:EXCHANGE:SYMBOL}
 * for the best bid/ask of every market (spot, linear, inverse) of one exchange's symbol.
 * Names are normalised (lower-case exchange, upper-case symbol) so that a subscription and the
 * updates of the collectors meet under one key.
 */
final class Channels {
    static final String PRICE_UPDATE = "price_update";
    /** The events published through {@code EventSink.publish}, each its own channel. */
    static final Set<String> EVENTS = Set.of("opportunity", "order_submitted", "order_filled", "order_failed",
            "twap_progress", "engine_alert", "trading_signal");

    private static final String PRICE_PREFIX = PRICE_UPDATE + ":";
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    private Channels() {
    }

    /**
     * The normalised name of a channel a client asked for.
     *
     * @throws IllegalArgumentException saying why {@code name} is not a channel
     */
    static String parse(String name) {
        if (EVENTS.contains(name)) {
            return name;
        }
        if (!name.startsWith(PRICE_PREFIX)) {
            throw new IllegalArgumentException("unknown channel (expected price_update:EXCHANGE:SYMBOL or one of "
                    + String.join(", ", EVENTS.stream().sorted().toList()) + ")");
        }
        String[] parts = name.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected price_update:EXCHANGE:SYMBOL");
        }
        Venue venue = Venue.parse(parts[1]);
        if (!SYMBOL.matcher(parts[2]).matches()) {
            throw new IllegalArgumentException("symbol must be 1-40 letters, digits, '-' or '_', as the exchange spells it");
        }
        return price(venue.id(), parts[2]);
    }

    /** The channel of a collector's price update. */
    static String price(String exchange, String symbol) {
        return PRICE_PREFIX + exchange.toLowerCase(Locale.ROOT) + ':' + symbol.toUpperCase(Locale.ROOT);
    }
}
