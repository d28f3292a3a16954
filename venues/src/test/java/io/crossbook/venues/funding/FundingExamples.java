package io.crossbook.venues.funding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The exchanges' documented response examples in {@code src/test/resources/funding} (origins in its SOURCES.md). */
final class FundingExamples {
    /** When the test answers arrived: 2024-08-08T23:55:00Z. */
    static final long FETCHED_AT_MS = 1_723_161_300_000L;

    private FundingExamples() {
    }

    static String text(String name) {
        try (InputStream in = FundingExamples.class.getResourceAsStream("/funding/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource funding/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
