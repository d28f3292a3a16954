package io.crossbook.server.ws;

import static io.crossbook.server.replay.ReplayTestData.USDM_EXCERPT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.server.marketdata.RecordedBooks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole path, as {@code crossbook serve --source binance:linear:... --speed 20x --loop} runs it:
 * (at 20x) the recorded Binance USDⓈ-M BTCUSDT excerpt replayed through the live feed handler, its book's
 * best bid/ask changes published by the collector, coalesced by the gateway, received by a real
 * WebSocket client. The excerpt's top changes only 12 times in 12 s, and a price is coalesced only
 * when a third change comes within one 100 ms interval: at 20x that interval spans 2 s of the
 * recording, which holds three changes (at 2.0, 2.6 and 2.66 s), so the bursts are there on any machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crossbook.db.sqlite-file=target/test-db/${random.uuid}/crossbook.db",
        "crossbook.security.admin-password=" + ReplayedPricesTest.ADMIN_PASSWORD,
        "crossbook.security.bcrypt-cost=4",
        "crossbook.market-data.feeds=",
        "crossbook.market-data.replay.speed=20x",
        "crossbook.market-data.replay.loop=true"})
class ReplayedPricesTest {
    static final String ADMIN_PASSWORD = "replayed-prices-test-admin";
    private static final Duration LISTEN = Duration.ofSeconds(3);

    @LocalServerPort
    int port;
    @Autowired
    WsGateway gateway;

    @DynamicPropertySource
    static void recording(DynamicPropertyRegistry registry) {
        registry.add("crossbook.market-data.replay.sources[0]", () -> "binance:linear:" + USDM_EXCERPT);
    }

    @Test
    void aClientGetsTheReplayedBestPricesAtMostOncePer100Milliseconds() throws Exception {
        Set<List<String>> recordedTops = new HashSet<>(RecordedBooks.replay(Venue.BINANCE, Market.LINEAR, USDM_EXCERPT).tops());
        long coalescedBefore = gateway.stats().coalesced();
        List<WsTestClient.Received> updates = new ArrayList<>();

        try (WsTestClient client = WsTestClient.authenticated(port, WsTestClient.signIn(port, "admin", ADMIN_PASSWORD))) {
            client.subscribe("price_update:binance:BTCUSDT");
            updates.add(client.next("price_update"));
            long end = System.nanoTime() + LISTEN.toNanos();
            for (long left = LISTEN.toMillis(); left > 0; left = (end - System.nanoTime()) / 1_000_000) {
                WsTestClient.Received r = client.poll(Duration.ofMillis(left));
                if (r != null) {
                    assertThat(r.event()).isEqualTo("price_update");
                    updates.add(r);
                }
            }
        }

        assertThat(updates).hasSizeGreaterThan(5);
        for (WsTestClient.Received u : updates) {
            assertThat(u.data().get("exchange").stringValue()).isEqualTo("binance");
            assertThat(u.data().get("type").stringValue()).isEqualTo("linear");
            assertThat(u.data().get("symbol").stringValue()).isEqualTo("BTCUSDT");
            assertThat(List.of(u.data().get("bid").stringValue(), u.data().get("ask").stringValue()))
                    .as("a best bid/ask the recorded book really had").isIn(recordedTops);
        }
        long elapsedMillis = (updates.getLast().nanos() - updates.getFirst().nanos()) / 1_000_000;
        assertThat(updates.size()).as("at most one per 100 ms over %d ms", elapsedMillis)
                .isLessThanOrEqualTo((int) (elapsedMillis / 100) + 2);
        assertThat(gateway.stats().coalesced()).as("the recording's bursts were coalesced").isGreaterThan(coalescedBefore);
    }
}
