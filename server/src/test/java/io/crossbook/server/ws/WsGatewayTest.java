package io.crossbook.server.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.crossbook.server.events.EventSink;
import io.crossbook.server.events.PriceUpdate;
import io.crossbook.server.ws.WsTestClient.Received;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The gateway end to end: real WebSocket clients against the running server, events fed through the EventSink. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crossbook.db.sqlite-file=target/test-db/${random.uuid}/crossbook.db",
        "crossbook.security.admin-password=" + WsGatewayTest.ADMIN_PASSWORD,
        "crossbook.security.bcrypt-cost=4",
        "crossbook.market-data.feeds=",
        "crossbook.ws.auth-timeout=1s",
        "crossbook.ws.send-timeout=1s",
        "crossbook.ws.queue-capacity=1024"})
class WsGatewayTest {
    static final String ADMIN_PASSWORD = "ws-test-admin-password";
    static final String VIEWER = "bob";
    /** Real access tokens, signed in over HTTP once for the class (the server is shared). */
    private static String ADMIN_TOKEN;
    private static String VIEWER_TOKEN;
    private static final Duration WAIT = WsTestClient.WAIT;
    private static final long INTERVAL_MS = 100;

    @LocalServerPort
    int port;
    @Autowired
    EventSink sink;
    @Autowired
    WsGateway gateway;
    @Autowired
    MeterRegistry meters;

    record EngineAlert(String severity, String code, String message, String pairId, long ts) {
    }

    record Opportunity(String pairId, double spread, double spreadPercent, double netSpreadPercent, String direction, long ts) {
    }

    @BeforeEach
    void signIn() throws Exception {
        if (ADMIN_TOKEN == null) {
            ADMIN_TOKEN = WsTestClient.signIn(port, "admin", ADMIN_PASSWORD);
            WsTestClient.createUser(port, ADMIN_TOKEN, VIEWER, ADMIN_PASSWORD, "viewer");
            VIEWER_TOKEN = WsTestClient.signIn(port, VIEWER, ADMIN_PASSWORD);
        }
    }

    @Test
    void theGatewayIsThePlatformsEventSink() {
        assertThat(sink).isSameAs(gateway);
    }

    @Test
    void authenticatesWithTheTokenInTheQuery() throws Exception {
        try (WsTestClient client = WsTestClient.connect(port, "?token=" + ADMIN_TOKEN)) {
            JsonNode caller = client.expect("authenticated");
            assertThat(caller.get("username").stringValue()).isEqualTo("admin");
            assertThat(caller.get("role").stringValue()).isEqualTo("admin");

            client.subscribe("engine_alert");
            sink.publish("engine_alert", new EngineAlert("warning", "STALE_BOOK", "binance linear BTCUSDT: no update for 10 s",
                    "btc-perp-basis", 1723161256313L));
            JsonNode alert = client.expect("engine_alert");
            assertThat(alert.get("code").stringValue()).isEqualTo("STALE_BOOK");
            assertThat(alert.get("pairId").stringValue()).isEqualTo("btc-perp-basis");
            assertThat(alert.get("ts").longValue()).isEqualTo(1723161256313L);
        }
    }

    @Test
    void authenticatesWithAFirstAuthFrame() throws Exception {
        try (WsTestClient client = WsTestClient.connect(port, "")) {
            client.send("{\"op\":\"auth\",\"token\":\"" + VIEWER_TOKEN + "\"}");
            JsonNode caller = client.expect("authenticated");
            assertThat(caller.get("username").stringValue()).isEqualTo("bob");
            assertThat(caller.get("role").stringValue()).isEqualTo("viewer");
            client.subscribe("opportunity", "price_update:binance:BTCUSDT");
        }
    }

    @Test
    void aBadTokenGetsAnErrorFrameAndTheConnectionIsClosed() throws Exception {
        try (WsTestClient client = WsTestClient.connect(port, "?token=forged")) {
            assertError(client, "UNAUTHORIZED", "token: invalid or expired");
            assertThat(client.awaitClose(WAIT)).isEqualTo(1008);
        }
        try (WsTestClient client = WsTestClient.connect(port, "")) {
            client.send("{\"op\":\"auth\",\"token\":\"forged\"}");
            assertError(client, "UNAUTHORIZED", "token: invalid or expired");
            assertThat(client.awaitClose(WAIT)).isEqualTo(1008);
        }
        try (WsTestClient client = WsTestClient.connect(port, "")) {
            client.send("{\"op\":\"auth\"}");
            assertError(client, "UNAUTHORIZED", "token: missing");
            assertThat(client.awaitClose(WAIT)).isEqualTo(1008);
        }
    }

    @Test
    void anUnauthenticatedClientMayNotSubscribeAndIsClosedWhenItDoesNotAuthenticateInTime() throws Exception {
        try (WsTestClient client = WsTestClient.connect(port, "")) {
            client.send("{\"op\":\"subscribe\",\"channels\":[\"engine_alert\"]}");
            assertError(client, "UNAUTHORIZED", "authenticate first");
            client.send("{\"op\":\"log\",\"event\":\"page_view\",\"data\":{}}");
            assertError(client, "UNAUTHORIZED", "authenticate first");

            assertError(client, "UNAUTHORIZED", "not authenticated within 1000 ms");
            assertThat(client.awaitClose(WAIT)).isEqualTo(1008);
        }
    }

    @Test
    void unknownChannelsAndOpsGetAnErrorNamingThemAndTheConnectionStays() throws Exception {
        try (WsTestClient client = WsTestClient.authenticated(port, ADMIN_TOKEN)) {
            client.send("{\"op\":\"subscribe\",\"channels\":[\"opportunity\",\"price_update:kraken:BTCUSDT\",\"prices\"]}");
            assertError(client, "VALIDATION_ERROR", "'price_update:kraken:BTCUSDT': unknown venue 'kraken'", "'prices': unknown channel");
            client.send("{\"op\":\"subscribe\",\"channels\":[]}");
            assertError(client, "VALIDATION_ERROR", "channels: must be a non-empty array");
            client.send("{\"op\":\"subscribe\",\"channels\":[\"engine_alert\",42]}");
            assertError(client, "VALIDATION_ERROR", "42: not a channel name");
            client.send("{\"op\":\"dance\"}");
            assertError(client, "VALIDATION_ERROR", "unknown op 'dance'");
            client.send("{\"channels\":[\"opportunity\"]}");
            assertError(client, "VALIDATION_ERROR", "op:");
            client.send("subscribe opportunity");
            assertError(client, "VALIDATION_ERROR", "malformed JSON");

            client.subscribe("engine_alert");
            // The refused subscription changed nothing: the opportunity is not delivered, the alert is.
            sink.publish("opportunity", opportunity(1));
            sink.publish("engine_alert", alert("after refused subscription"));
            assertThat(client.expect("engine_alert").get("message").stringValue()).isEqualTo("after refused subscription");
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void aConnectionMaySubscribeToAtMost200Channels() throws Exception {
        try (WsTestClient client = WsTestClient.authenticated(port, VIEWER_TOKEN)) {
            List<String> symbols = IntStream.range(0, 199).mapToObj(i -> "\"price_update:bybit:ALT" + i + "USDT\"").toList();
            client.send("{\"op\":\"subscribe\",\"channels\":[" + String.join(",", symbols) + "]}");
            assertThat(client.expect("subscribed").get("channels")).hasSize(199);
            client.send("{\"op\":\"subscribe\",\"channels\":[\"opportunity\",\"engine_alert\"]}");
            assertError(client, "VALIDATION_ERROR", "channels: at most 200 per connection");
            client.subscribe("opportunity");
        }
    }

    @Test
    void eventsReachTheirSubscribersOnlyUntilTheyUnsubscribe() throws Exception {
        try (WsTestClient a = WsTestClient.authenticated(port, ADMIN_TOKEN);
                WsTestClient b = WsTestClient.authenticated(port, VIEWER_TOKEN)) {
            a.subscribe("engine_alert", "opportunity");
            b.subscribe("opportunity");

            sink.publish("engine_alert", alert("first"));
            sink.publish("opportunity", opportunity(1));
            assertThat(a.expect("engine_alert").get("message").stringValue()).isEqualTo("first");
            assertThat(a.expect("opportunity").get("ts").longValue()).isEqualTo(opportunity(1).ts());
            assertThat(b.expect("opportunity").get("ts").longValue()).as("b never gets the alert")
                    .isEqualTo(opportunity(1).ts());

            a.send("{\"op\":\"unsubscribe\",\"channels\":[\"engine_alert\"]}");
            assertThat(a.expect("unsubscribed").get("channels").get(0).stringValue()).isEqualTo("engine_alert");
            sink.publish("engine_alert", alert("after unsubscribe"));
            sink.publish("opportunity", opportunity(2));
            assertThat(a.expect("opportunity").get("ts").longValue()).isEqualTo(opportunity(2).ts());
            assertThat(b.expect("opportunity").get("ts").longValue()).isEqualTo(opportunity(2).ts());
        }
    }

    @Test
    void aBurstOfPriceUpdatesReachesAClientAtMostOncePerInstrumentPer100msWithTheNewestValueLast() throws Exception {
        List<PriceUpdate> recorded = RecordedPrices.binanceLinearBtcusdt();
        assertThat(recorded).hasSizeGreaterThan(30);
        assertThat(new HashSet<>(recorded.stream().map(u -> u.bid() + "/" + u.ask() + "@" + u.ts()).toList()))
                .as("each recorded change identifiable").hasSameSizeAs(recorded);
        // Binance spot BTCUSDT at the same minute (../shared/data/binance/hftbacktest/spot/btcusdt_20240808.gz)
        PriceUpdate spot = new PriceUpdate("binance", "spot", "BTCUSDT", "61837.63000000", "61837.64000000", 1723161254087L);
        double coalescedBefore = meters.get("crossbook.ws.coalesced").functionCounter().count();

        try (WsTestClient client = WsTestClient.authenticated(port, VIEWER_TOKEN)) {
            client.subscribe("price_update:binance:BTCUSDT");

            long quietPublished = System.nanoTime();
            sink.price(recorded.getFirst());
            Received quiet = client.next("price_update");
            assertThat(Duration.ofNanos(quiet.nanos() - quietPublished)).as("the first update after a quiet period is not held")
                    .isLessThan(Duration.ofMillis(INTERVAL_MS));
            assertPrice(quiet.data(), recorded.getFirst());
            LockSupport.parkNanos(Duration.ofMillis(2 * INTERVAL_MS).toNanos());

            // The rest of the recording as a burst, one change every 12 ms, and one spot update halfway.
            List<PriceUpdate> burst = recorded.subList(1, recorded.size());
            long burstStart = System.nanoTime();
            for (int i = 0; i < burst.size(); i++) {
                sink.price(burst.get(i));
                if (i == burst.size() / 2) {
                    sink.price(spot);
                }
                LockSupport.parkNanos(Duration.ofMillis(12).toNanos());
            }
            long burstMillis = Duration.ofNanos(System.nanoTime() - burstStart).toMillis();

            List<Received> linear = new ArrayList<>();
            List<Received> spots = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                Received r = client.poll(Duration.ofMillis(10));
                if (r != null) {
                    assertThat(r.event()).isEqualTo("price_update");
                    (r.data().get("type").stringValue().equals("spot") ? spots : linear).add(r);
                }
                return !linear.isEmpty() && linear.getLast().data().get("ts").longValue() == burst.getLast().ts();
            });

            assertPrice(linear.getLast().data(), burst.getLast());
            assertThat(linear.size()).as("%d updates over %d ms", burst.size(), burstMillis)
                    .isBetween(3, (int) (burstMillis / INTERVAL_MS) + 2);
            for (int i = 1; i < linear.size(); i++) {
                assertThat(Duration.ofNanos(linear.get(i).nanos() - linear.get(i - 1).nanos()))
                        .as("gap before update %d (half the interval allowed for the client's own jitter)", i)
                        .isGreaterThan(Duration.ofMillis(INTERVAL_MS / 2));
            }
            List<Integer> positions = linear.stream().map(r -> indexOf(burst, r.data())).toList();
            assertThat(positions).as("each a recorded value, newer than the one before").doesNotContain(-1).isSorted()
                    .doesNotHaveDuplicates();
            assertThat(spots).as("the spot market is not coalesced away by the perpetual").hasSize(1);
            assertPrice(spots.getFirst().data(), spot);
            assertThat(meters.get("crossbook.ws.coalesced").functionCounter().count() - coalescedBefore)
                    .isGreaterThanOrEqualTo(burst.size() - linear.size());
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedAndCountedWhileAFastClientGetsEverythingInTime() throws Exception {
        double overflowsBefore = dropped("queue_overflow");
        try (WsTestClient fast = WsTestClient.authenticated(port, ADMIN_TOKEN);
                StalledClient slow = StalledClient.subscribe(port, ADMIN_TOKEN, "opportunity")) {
            fast.subscribe("opportunity");

            // Opportunities at about 20,000 a second until the stalled client's socket and outbox are full.
            List<Long> published = new ArrayList<>();
            long slowestPublish = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (dropped("queue_overflow") == overflowsBefore && System.nanoTime() < deadline) {
                for (int i = 0; i < 100; i++) {
                    long start = System.nanoTime();
                    sink.publish("opportunity", opportunity(published.size()));
                    published.add(start);
                    slowestPublish = Math.max(slowestPublish, System.nanoTime() - start);
                }
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
            for (int i = 0; i < 100; i++) {
                published.add(System.nanoTime());
                sink.publish("opportunity", opportunity(published.size() - 1));
            }

            assertThat(dropped("queue_overflow") - overflowsBefore).as("the stalled client is dropped, once").isEqualTo(1);
            assertThat(slow.closedByServerWithin(WAIT)).as("and its connection closed").isTrue();
            assertThat(Duration.ofNanos(slowestPublish)).as("publishing never waited for a socket")
                    .isLessThan(Duration.ofMillis(500));

            long slowestDelivery = 0;
            for (int i = 0; i < published.size(); i++) {
                Received r = fast.next("opportunity");
                assertThat(r.data().get("ts").longValue()).as("event %d, in order", i).isEqualTo(opportunity(i).ts());
                slowestDelivery = Math.max(slowestDelivery, r.nanos() - published.get(i));
            }
            assertThat(Duration.ofNanos(slowestDelivery)).as("the fast client was never held up by the slow one")
                    .isLessThan(Duration.ofMillis(500));
            assertThat(fast.isClosed()).isFalse();
        }
    }

    @Test
    void aClientWhoseSocketStallsASendBeyondTheSendTimeoutIsDropped() throws Exception {
        double stallsBefore = dropped("send_stalled");
        double overflowsBefore = dropped("queue_overflow");
        try (StalledClient slow = StalledClient.subscribe(port, ADMIN_TOKEN, "engine_alert")) {
            // Few frames (the outbox never overflows), but large enough to fill the socket's buffers.
            String detail = "order book replay diagnostics ".repeat(4_000);
            for (int i = 0; i < 100; i++) {
                sink.publish("engine_alert", new EngineAlert("info", "DIAGNOSTICS", detail, null, 1723161256313L + i));
            }
            await().atMost(WAIT).until(() -> dropped("send_stalled") > stallsBefore);
            assertThat(dropped("send_stalled") - stallsBefore).isEqualTo(1);
            assertThat(dropped("queue_overflow")).isEqualTo(overflowsBefore);
            assertThat(slow.closedByServerWithin(WAIT)).isTrue();
        }
    }

    @Test
    void frontEndLogEventsAreRecordedWithTheUserBoundedAndRateLimited() throws Exception {
        ListAppender<ILoggingEvent> records = capture("crossbook.frontend");
        try (WsTestClient client = WsTestClient.authenticated(port, ADMIN_TOKEN)) {
            client.send("{\"op\":\"log\",\"event\":\"arbitrage.execute_clicked\",\"data\":{\"pairId\":\"btc-perp-basis\",\"qty\":\"0.010\"}}");
            client.send("{\"op\":\"log\",\"event\":\"chart_loaded\",\"data\":{\"note\":\"" + "x".repeat(5_000) + "\"}}");
            client.send("{\"op\":\"log\",\"event\":\"two\\nlines\",\"data\":{}}");
            assertError(client, "VALIDATION_ERROR", "event: must be a name");

            await().atMost(WAIT).until(() -> records.list.size() == 2);
            assertThat(records.list.get(0).getFormattedMessage())
                    .isEqualTo("user=admin event=arbitrage.execute_clicked data={\"pairId\":\"btc-perp-basis\",\"qty\":\"0.010\"}");
            assertThat(records.list.get(1).getFormattedMessage()).startsWith("user=admin event=chart_loaded data={\"note\":\"xxx")
                    .endsWith("...(truncated from 5011 chars)").hasSizeLessThan(2_100);

            for (int i = 0; i < 25; i++) {
                client.send("{\"op\":\"log\",\"event\":\"page_view\",\"data\":{\"n\":" + i + "}}");
            }
            assertError(client, "RATE_LIMITED", "log: at most 20 per second");
            assertThat(client.isClosed()).isFalse();
        } finally {
            release("crossbook.frontend", records);
        }
    }

    @Test
    void tokensAreNeverLogged() throws Exception {
        ListAppender<ILoggingEvent> everything = capture(org.slf4j.Logger.ROOT_LOGGER_NAME);
        try {
            try (WsTestClient client = WsTestClient.authenticated(port, ADMIN_TOKEN)) {
                client.send("{\"op\":\"auth\",\"token\":\"" + VIEWER_TOKEN + "\"}");
                client.expect("authenticated");
            }
            try (WsTestClient client = WsTestClient.connect(port, "?token=forged-secret-1")) {
                client.awaitClose(WAIT);
            }
            try (WsTestClient client = WsTestClient.connect(port, "")) {
                client.send("{\"op\":\"auth\",\"token\":\"forged-secret-2\"}");
                client.awaitClose(WAIT);
            }
            assertThat(everything.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage())
                    .doesNotContain(ADMIN_TOKEN, VIEWER_TOKEN, "forged-secret-1", "forged-secret-2"));
        } finally {
            release(org.slf4j.Logger.ROOT_LOGGER_NAME, everything);
        }
    }

    @Test
    void statsAndMetersCountConnectedClients() throws Exception {
        await().atMost(WAIT).until(() -> gateway.stats().clients() == 0); // the other tests' clients are gone
        long sentBefore = gateway.stats().sent();
        try (WsTestClient a = WsTestClient.authenticated(port, ADMIN_TOKEN);
                WsTestClient b = WsTestClient.connect(port, "")) {
            await().atMost(WAIT).until(() -> gateway.stats().clients() == 2); // b's handshake completes before the server registers it
            assertThat(meters.get("crossbook.ws.clients").gauge().value()).isEqualTo(2);
            assertThat(gateway.stats().sent()).as("a's acknowledgement").isGreaterThan(sentBefore);
        }
        await().atMost(WAIT).until(() -> gateway.stats().clients() == 0);
    }

    private double dropped(String reason) {
        return meters.get("crossbook.ws.dropped").tag("reason", reason).functionCounter().count();
    }

    private static void assertError(WsTestClient client, String code, String... messageParts) {
        JsonNode error = client.expect("error");
        assertThat(error.get("code").stringValue()).isEqualTo(code);
        assertThat(error.get("message").stringValue()).contains(messageParts);
    }

    private static void assertPrice(JsonNode data, PriceUpdate expected) {
        assertThat(data.get("exchange").stringValue()).isEqualTo(expected.exchange());
        assertThat(data.get("type").stringValue()).isEqualTo(expected.type());
        assertThat(data.get("symbol").stringValue()).isEqualTo(expected.symbol());
        assertThat(data.get("bid").stringValue()).isEqualTo(expected.bid());
        assertThat(data.get("ask").stringValue()).isEqualTo(expected.ask());
        assertThat(data.get("ts").longValue()).isEqualTo(expected.ts());
    }

    private static int indexOf(List<PriceUpdate> updates, JsonNode data) {
        for (int i = 0; i < updates.size(); i++) {
            PriceUpdate u = updates.get(i);
            if (u.bid().equals(data.get("bid").stringValue()) && u.ask().equals(data.get("ask").stringValue())
                    && u.ts() == data.get("ts").longValue()) {
                return i;
            }
        }
        return -1;
    }

    private static EngineAlert alert(String message) {
        return new EngineAlert("critical", "LEG_FAILED", message, "btc-perp-basis", 1723161256313L);
    }

    /** A cross-exchange BTCUSDT spread as the engine would report it; {@code ts} identifies it. */
    private static Opportunity opportunity(int n) {
        return new Opportunity("btc-binance-bybit", 12.4, 0.0201, 0.0081, "forward", 1723161256313L + n);
    }

    private static ListAppender<ILoggingEvent> capture(String loggerName) {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(loggerName)).addAppender(appender);
        return appender;
    }

    private static void release(String loggerName, ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(loggerName)).detachAppender(appender);
    }
}
