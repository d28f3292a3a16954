package io.crossbook.server.replay;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One venue-market's recorded files, replayed in the order given: {@code VENUE:MARKET:FILE[,FILE...]};
 * with the exchange's instrument metadata by symbol where a recorded instruments response was
 * given ({@link InstrumentFile}), else none: the books then take their scales from the data.
 */
public record ReplaySource(Venue venue, Market market, List<Path> files, Map<String, Instrument> instruments) {

    public ReplaySource {
        files = List.copyOf(files);
        instruments = Map.copyOf(instruments);
    }

    public ReplaySource(Venue venue, Market market, List<Path> files) {
        this(venue, market, files, Map.of());
    }

    /** This source with the instruments of {@code metadata} if it is for the same venue-market. */
    public ReplaySource with(InstrumentFile metadata) {
        return metadata.venue() == venue && metadata.market() == market
                ? new ReplaySource(venue, market, files, metadata.load()) : this;
    }

    public static ReplaySource parse(String spec) {
        String[] parts = spec.split(":", 3);
        if (parts.length != 3 || parts[2].isBlank()) {
            throw new IllegalArgumentException("--source must be VENUE:MARKET:FILE[,FILE...], not '" + spec + "'");
        }
        Venue venue = Venue.parse(parts[0]);
        Market market = Market.parse(parts[1]);
        List<Path> files = new ArrayList<>();
        for (String f : parts[2].split(",")) {
            Path p = Path.of(f.trim());
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("--source file not found: " + p.toAbsolutePath());
            }
            files.add(p);
        }
        return new ReplaySource(venue, market, List.copyOf(files));
    }

    @Override
    public String toString() {
        return venue.id() + ":" + market.id();
    }
}
