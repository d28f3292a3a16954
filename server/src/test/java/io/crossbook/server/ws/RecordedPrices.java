package io.crossbook.server.ws;

import io.crossbook.server.events.PriceUpdate;
import io.crossbook.server.replay.ReplayTestData;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real best bid/ask changes: the {@code bookTicker} stream of the recorded Binance USDⓈ-M BTCUSDT
 * excerpt (2024-08-08 23:54 UTC), reduced to the messages where bid or ask moved, which is when
 * the collectors call {@code EventSink.price}.
 */
final class RecordedPrices {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RecordedPrices() {
    }

    static List<PriceUpdate> binanceLinearBtcusdt() {
        List<PriceUpdate> changes = new ArrayList<>();
        for (String line : ReplayTestData.lines(ReplayTestData.USDM_EXCERPT)) {
            JsonNode data = JSON.readTree(line.substring(line.indexOf(' ') + 1)).path("data");
            if (!"bookTicker".equals(data.path("e").stringValue(null))) {
                continue;
            }
            PriceUpdate update = new PriceUpdate("binance", "linear", data.get("s").stringValue(),
                    data.get("b").stringValue(), data.get("a").stringValue(), data.get("T").longValue());
            PriceUpdate previous = changes.isEmpty() ? null : changes.getLast();
            if (previous == null || !previous.bid().equals(update.bid()) || !previous.ask().equals(update.ask())) {
                changes.add(update);
            }
        }
        return changes;
    }
}
