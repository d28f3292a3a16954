package io.crossbook.server.replay;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.Venues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A recorded response of a venue-market's public instruments endpoint ({@code VENUE:MARKET:FILE}),
 * read by the same parser as the live one: what a replay knows of tick and lot sizes, minimum
 * quantities and notionals, since a recording of the books alone does not say.
 */
public record InstrumentFile(Venue venue, Market market, Path file) {

    public static InstrumentFile parse(String spec) {
        String[] parts = spec.split(":", 3);
        if (parts.length != 3 || parts[2].isBlank()) {
            throw new IllegalArgumentException("--instruments must be VENUE:MARKET:FILE, not '" + spec + "'");
        }
        Path file = Path.of(parts[2].trim());
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--instruments file not found: " + file.toAbsolutePath());
        }
        return new InstrumentFile(Venue.parse(parts[0]), Market.parse(parts[1]), file);
    }

    /** The instruments by symbol; throws {@link IllegalArgumentException} when the file is not such a response. */
    public Map<String, Instrument> load() {
        String body;
        try {
            body = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
        Map<String, Instrument> out = new LinkedHashMap<>();
        try {
            for (Instrument i : Venues.protocol(venue, market).parseInstruments(body)) {
                out.put(i.symbol(), i);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a " + venue.id() + " " + market.id()
                    + " instruments response: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + " lists no trading " + venue.id() + " " + market.id() + " instruments");
        }
        return out;
    }

    @Override
    public String toString() {
        return venue.id() + ":" + market.id() + ":" + file;
    }
}
