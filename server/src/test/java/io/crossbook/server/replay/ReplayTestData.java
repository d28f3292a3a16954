package io.crossbook.server.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The recorded exchange data the server tests replay (see {@code binance/SOURCES.md} and {@code bybit/SOURCES.md} in the test resources). */
public final class ReplayTestData {
    /** 3,000 lines of Binance USDⓈ-M BTCUSDT, 2024-08-08 23:54 UTC: diffs, the REST snapshot, bookTicker, trades. */
    public static final Path USDM_EXCERPT = resource("binance/usdm_btcusdt_20240808_head3000.gz");
    /** 3,000 lines of Binance spot BTCUSDT, same window: diffs, the REST snapshot, bookTicker, trades. */
    public static final Path SPOT_EXCERPT = resource("binance/spot_btcusdt_20240808_head3000.gz");
    /** Bybit's own dump of linear XRPUSDT, 2024-12-01 00:00 UTC: one snapshot and 49 deltas (bybit/SOURCES.md). */
    public static final Path BYBIT_XRPUSDT = resource("bybit/2024-12-01_XRPUSDT_ob500.data");

    private ReplayTestData() {
    }

    /** The raw lines of a gzip recording, read independently of the code under test. */
    public static List<String> lines(Path gz) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
                StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long depthUpdates(List<String> lines) {
        return lines.stream().filter(l -> l.contains("\"e\":\"depthUpdate\"")).count();
    }

    private static Path resource(String name) {
        try {
            return Path.of(ReplayTestData.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
