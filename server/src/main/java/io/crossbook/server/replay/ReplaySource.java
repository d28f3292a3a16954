package io.crossbook.server.replay;

import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One venue-market's recorded files, replayed in the order given: {@code VENUE:MARKET:FILE[,FILE...]}. */
public record ReplaySource(Venue venue, Market market, List<Path> files) {

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
