package io.crossbook.server.marketdata;

import static io.crossbook.server.replay.ReplayTestData.BYBIT_XRPUSDT;
import static io.crossbook.server.replay.ReplayTestData.SPOT_EXCERPT;
import static io.crossbook.server.replay.ReplayTestData.USDM_EXCERPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.server.events.EventSink;
import io.crossbook.server.events.PriceUpdate;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The market-data API of the whole server, run as {@code crossbook serve --source ... --speed max}
 * over real recordings: Binance spot and USDⓈ-M BTCUSDT, and Bybit linear XRPUSDT with one delta
 * lost on the way (so that book is out of sync). No live feed is configured.
 * Every call is signed in as the admin (collector start and stop need it).
 */
@SpringBootTest(properties = {
        "crossbook.market-data.feeds=",
        "crossbook.market-data.replay.speed=max",
        "crossbook.db.sqlite-file=target/test-db/${random.uuid}/crossbook.db",
        "crossbook.security.admin-password=" + MarketDataApiTest.ADMIN_PASSWORD,
        "crossbook.security.bcrypt-cost=4"})
@AutoConfigureMockMvc
class MarketDataApiTest {
    static final RecordedBooks.Replayed SPOT = RecordedBooks.replay(Venue.BINANCE, Market.SPOT, SPOT_EXCERPT);
    static final RecordedBooks.Replayed LINEAR = RecordedBooks.replay(Venue.BINANCE, Market.LINEAR, USDM_EXCERPT);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN_PASSWORD = "market-data-test-admin";
    private static String accessToken;

    @DynamicPropertySource
    static void recordings(DynamicPropertyRegistry registry) {
        registry.add("crossbook.market-data.replay.sources[0]", () -> "binance:spot:" + SPOT_EXCERPT);
        registry.add("crossbook.market-data.replay.sources[1]", () -> "binance:linear:" + USDM_EXCERPT);
        registry.add("crossbook.market-data.replay.sources[2]", () -> "bybit:linear:" + bybitWithALostDelta());
    }

    static Path bybitWithALostDelta() {
        try {
            Path dir = Files.createTempDirectory("crossbook-md");
            dir.toFile().deleteOnExit();
            Path file = RecordedBooks.withoutLine(BYBIT_XRPUSDT, 10, dir);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration
    static class Events {
        @Bean
        @Primary
        CapturingEventSink capturingEventSink() {
            return new CapturingEventSink();
        }
    }

    static final class CapturingEventSink implements EventSink {
        final List<PriceUpdate> prices = new CopyOnWriteArrayList<>();

        @Override
        public void price(PriceUpdate update) {
            prices.add(update);
        }

        @Override
        public void publish(String event, Object data) {
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MarketDataService marketData;
    @Autowired
    CapturingEventSink events;
    @Autowired
    MeterRegistry registry;
    @Autowired
    MarketDataHealthIndicator healthIndicator;

    @BeforeEach
    void everyReplayHasFinished() {
        await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> marketData.collectors().stream()
                .allMatch(c -> c.status().state() == FeedState.FINISHED));
    }

    /** Signs in once for the whole class (the server is shared). */
    String accessToken() throws Exception {
        if (accessToken == null) {
            MvcResult login = mvc.perform(postJson("/api/auth/login",
                    "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")).andReturn();
            accessToken = JSON.readTree(login.getResponse().getContentAsString()).at("/data/accessToken").asString();
        }
        return accessToken;
    }

    JsonNode call(MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request.header("Authorization", "Bearer " + accessToken())).andReturn();
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        assertThat(result.getResponse().getStatus()).as("%s", body).isEqualTo(status);
        assertThat(body.get("success").asBoolean()).isEqualTo(status == 200);
        return body;
    }

    JsonNode ok(MockHttpServletRequestBuilder request) throws Exception {
        return call(request, 200).get("data");
    }

    static MockHttpServletRequestBuilder postJson(String url, String json) {
        return post(url).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    /** The expected price object, its levels written out independently of the code under test. */
    static void assertPrices(JsonNode data, String exchange, String type, BookSnapshot book, int depth) {
        assertThat(data.propertyNames()).containsExactly("exchange", "symbol", "type", "bids", "asks", "ts");
        assertThat(data.get("exchange").asString()).isEqualTo(exchange);
        assertThat(data.get("symbol").asString()).isEqualTo(book.instrument().symbol());
        assertThat(data.get("type").asString()).isEqualTo(type);
        assertThat(levels(data.get("bids"))).isEqualTo(RecordedBooks.levels(book, true, depth));
        assertThat(levels(data.get("asks"))).isEqualTo(RecordedBooks.levels(book, false, depth));
        assertThat(data.get("ts").isIntegralNumber()).isTrue();
        assertThat(data.get("ts").asLong()).isEqualTo(book.exchangeTimeMillis());
    }

    static List<List<String>> levels(JsonNode side) {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode level : side) {
            assertThat(level.size()).isEqualTo(2);
            assertThat(level.get(0).isString()).as("prices are decimal strings").isTrue();
            assertThat(level.get(1).isString()).as("sizes are decimal strings").isTrue();
            out.add(List.of(level.get(0).asString(), level.get(1).asString()));
        }
        return out;
    }

    @Test
    void aSymbolInSeveralMarketsIsSpotUnlessTheTypeSaysOtherwise() throws Exception {
        assertPrices(ok(get("/api/prices/binance/BTCUSDT")), "binance", "spot", SPOT.snapshot("BTCUSDT", 20), 20);
        assertPrices(ok(get("/api/prices/binance/BTCUSDT?type=linear&depth=50")), "binance", "linear",
                LINEAR.snapshot("BTCUSDT", 50), 50);
        assertPrices(ok(get("/api/prices/BINANCE/btcusdt?type=spot&depth=1")), "binance", "spot",
                SPOT.snapshot("BTCUSDT", 1), 1);
    }

    @Test
    void theBestBidAndAskAreTheRecordingsAtItsEnd() throws Exception {
        JsonNode linear = ok(get("/api/prices/binance/BTCUSDT?type=linear&depth=1"));

        List<String> top = LINEAR.tops().get(LINEAR.tops().size() - 1);
        assertThat(linear.at("/bids/0/0").asString()).isEqualTo(top.get(0));
        assertThat(linear.at("/asks/0/0").asString()).isEqualTo(top.get(1));
        assertThat(new BigDecimal(top.get(0))).isLessThan(new BigDecimal(top.get(1)));
    }

    @Test
    void aBookOutOfSyncIsExchangeUnavailableWithTheReasonAndNoPrices() throws Exception {
        JsonNode body = call(get("/api/prices/bybit/XRPUSDT"), 503);

        assertThat(body.has("data")).isFalse();
        assertThat(body.at("/error/code").asString()).isEqualTo("EXCHANGE_UNAVAILABLE");
        assertThat(body.at("/error/message").asString())
                .startsWith("bybit:linear:XRPUSDT is not in sync: SEQUENCE_GAP: update id ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/prices/binance/BTCUSDT?depth=0     | depth: must be greater than or equal to 1",
            "/api/prices/binance/BTCUSDT?depth=1001  | depth: must be less than or equal to 1000",
            "/api/prices/binance/BTCUSDT?depth=deep  | depth: must be a valid int, not 'deep'",
            "/api/prices/binance/BTCUSDT?type=perp   | type: must be one of spot, linear, inverse",
            "/api/prices/kraken/BTCUSDT              | exchange: unknown exchange 'kraken' (expected one of binance, bybit, okx)",
            "/api/prices/okx/BTC-USDT                | exchange: no okx market data is collected",
            "/api/prices/binance/DOGEUSDT            | symbol: DOGEUSDT is not collected on binance (collected: spot BTCUSDT; linear BTCUSDT)",
            "/api/prices/binance/BTCUSDT?type=inverse | symbol: BTCUSDT is not collected on binance inverse (collected: spot BTCUSDT; linear BTCUSDT)"})
    void badPriceRequestsAreValidationErrorsNamingTheField(String url, String message) throws Exception {
        JsonNode body = call(get(url), 400);

        assertThat(body.at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(body.at("/error/message").asString()).isEqualTo(message);
    }

    @Test
    void aBatchAnswersEachItemAsTheSingleReadWould() throws Exception {
        JsonNode data = ok(postJson("/api/prices/batch", """
                {"items":[{"exchange":"binance","symbol":"BTCUSDT","type":"linear"},
                          {"exchange":"binance","symbol":"BTCUSDT"}],
                 "depth":3}"""));

        assertThat(data.size()).isEqualTo(2);
        assertPrices(data.get(0), "binance", "linear", LINEAR.snapshot("BTCUSDT", 3), 3);
        assertPrices(data.get(1), "binance", "spot", SPOT.snapshot("BTCUSDT", 3), 3);
        assertPrices(ok(postJson("/api/prices/batch", "{\"items\":[{\"exchange\":\"binance\",\"symbol\":\"BTCUSDT\"}]}")).get(0),
                "binance", "spot", SPOT.snapshot("BTCUSDT", 20), 20);
    }

    @Test
    void aBatchWithABookOutOfSyncFailsNamingTheItem() throws Exception {
        JsonNode body = call(postJson("/api/prices/batch", """
                {"items":[{"exchange":"binance","symbol":"BTCUSDT"},{"exchange":"bybit","symbol":"XRPUSDT"}]}"""), 503);

        assertThat(body.at("/error/code").asString()).isEqualTo("EXCHANGE_UNAVAILABLE");
        assertThat(body.at("/error/message").asString())
                .startsWith("items[1] bybit:linear:XRPUSDT is not in sync: SEQUENCE_GAP: ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"items\":[]}                                                  | items: must not be empty",
            "{}                                                              | items: must not be empty",
            "{\"items\":[{\"exchange\":\"binance\"}]}                        | items[0].symbol: must not be blank",
            "{\"items\":[null]}                                              | items[0]: must not be null",
            "{\"items\":[{\"exchange\":\"binance\",\"symbol\":\"BTCUSDT\",\"type\":\"perp\"}]} | items[0].type: must be one of spot, linear, inverse",
            "{\"items\":[{\"exchange\":\"binance\",\"symbol\":\"BTCUSDT\"},{\"exchange\":\"kraken\",\"symbol\":\"X\"}]} | items[1].exchange: unknown exchange 'kraken' (expected one of binance, bybit, okx)",
            "{\"items\":[{\"exchange\":\"bybit\",\"symbol\":\"BTCUSDT\"}]}    | items[0].symbol: BTCUSDT is not collected on bybit (collected: linear XRPUSDT)",
            "{\"items\":[{\"exchange\":\"binance\",\"symbol\":\"BTCUSDT\"}],\"depth\":0} | depth: must be greater than or equal to 1"})
    void badBatchesAreValidationErrorsNamingTheField(String json, String message) throws Exception {
        JsonNode body = call(postJson("/api/prices/batch", json), 400);

        assertThat(body.at("/error/code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(body.at("/error/message").asString()).isEqualTo(message);
    }

    @Test
    void malformedOrOversizedBatchesAreValidationErrors() throws Exception {
        assertThat(call(postJson("/api/prices/batch", "{\"items\":[{\"exchange\":"), 400).at("/error/message").asString())
                .startsWith("malformed JSON: ");
        assertThat(call(postJson("/api/prices/batch", "BTCUSDT please"), 400).at("/error/message").asString())
                .startsWith("malformed JSON: ");
        assertThat(call(postJson("/api/prices/batch", "{\"items\":{\"exchange\":\"binance\"}}"), 400)
                .at("/error/message").asString()).startsWith("items: ");
        String many = IntStream.range(0, PriceService.MAX_BATCH + 1)
                .mapToObj(i -> "{\"exchange\":\"binance\",\"symbol\":\"BTCUSDT\"}").collect(Collectors.joining(","));
        assertThat(call(postJson("/api/prices/batch", "{\"items\":[" + many + "]}"), 400).at("/error/message").asString())
                .isEqualTo("items: at most 50 items per batch");
    }

    @Test
    void repeatedReadsOfAnUnchangedBookAreServedFromTheCache() throws Exception {
        double hits = registry.get("crossbook.prices.cache").tag("result", "hit").counter().count();

        ok(get("/api/prices/binance/BTCUSDT?type=linear&depth=7"));
        ok(get("/api/prices/binance/BTCUSDT?type=linear&depth=7"));

        assertThat(registry.get("crossbook.prices.cache").tag("result", "hit").counter().count()).isGreaterThan(hits);
        assertThat(registry.get("crossbook.prices.cache").tag("result", "miss").counter().count()).isPositive();
        assertThat(registry.get("crossbook.marketdata.book.updates").tag("collector", "binance:linear").functionCounter()
                .count()).isPositive();
    }

    @Test
    void priceEventsCarryTheChangedTopOfEachBookAsStrings() {
        Map<String, List<PriceUpdate>> byMarket = events.prices.stream()
                .collect(Collectors.groupingBy(p -> p.exchange() + ":" + p.type() + ":" + p.symbol()));

        assertThat(byMarket.keySet()).contains("binance:spot:BTCUSDT", "binance:linear:BTCUSDT", "bybit:linear:XRPUSDT");
        List<PriceUpdate> linear = byMarket.get("binance:linear:BTCUSDT");
        assertThat(List.of(linear.getLast().bid(), linear.getLast().ask())).isEqualTo(LINEAR.tops().getLast());
        List<PriceUpdate> spot = byMarket.get("binance:spot:BTCUSDT");
        assertThat(List.of(spot.getLast().bid(), spot.getLast().ask())).isEqualTo(SPOT.tops().getLast());
        assertThat(events.prices).allSatisfy(p -> assertThat(new BigDecimal(p.bid())).isLessThan(new BigDecimal(p.ask())));
    }

    @Test
    void collectorsAreListedInTheEnvelopeAsReplays() throws Exception {
        JsonNode data = ok(get("/api/qingxi/collectors/list"));

        assertThat(data.size()).isEqualTo(3);
        assertThat(data.findValuesAsString("id")).containsExactly("binance:spot", "binance:linear", "bybit:linear");
        assertThat(data.findValuesAsString("source")).containsOnly("replay");
        assertThat(data.findValuesAsString("status")).containsOnly("FINISHED");
        JsonNode linear = data.get(1);
        assertThat(linear.get("files").get(0).asString()).isEqualTo("usdm_btcusdt_20240808_head3000.gz");
        assertThat(linear.get("symbols").get(0).asString()).isEqualTo("BTCUSDT");
        assertThat(linear.get("messages").asLong()).isEqualTo(3000);
        assertThat(linear.get("bookUpdates").asLong()).isEqualTo(LINEAR.handler().stats().get(0).applied());
        assertThat(linear.get("booksInSync").asLong()).isOne();
        assertThat(linear.get("detail").asString()).startsWith("replayed 3,000 messages of usdm_btcusdt_20240808_head3000.gz");
        JsonNode bybit = data.get(2);
        assertThat(bybit.get("messages").asLong()).isEqualTo(49);
        assertThat(bybit.get("gaps").asLong()).isOne();
        assertThat(bybit.get("booksInSync").asLong()).isZero();
    }

    @Test
    void exchangesSayWhetherTheyAreConnectedAndFromWhichSource() throws Exception {
        JsonNode data = ok(get("/api/exchanges"));

        assertThat(data.findValuesAsString("name")).containsExactly("binance", "bybit", "okx");
        JsonNode binance = data.get(0);
        assertThat(binance.get("connected").asBoolean()).isTrue();
        assertThat(binance.get("publicOnly").asBoolean()).isTrue();
        assertThat(binance.get("ready").asBoolean()).isTrue();
        assertThat(binance.get("markets").findValuesAsString("type")).containsExactly("spot", "linear");
        assertThat(binance.get("markets").findValuesAsString("source")).containsOnly("replay");
        JsonNode bybit = data.get(1);
        assertThat(bybit.get("connected").asBoolean()).as("its replay is up").isTrue();
        assertThat(bybit.get("ready").asBoolean()).as("but its book is out of sync").isFalse();
        JsonNode okx = data.get(2);
        assertThat(okx.get("connected").asBoolean()).isFalse();
        assertThat(okx.get("markets").isEmpty()).isTrue();
    }

    @Test
    void healthIsUpWithEachExchangesReadiness() throws Exception {
        MvcResult result = mvc.perform(get("/health")).andReturn();
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(body.get("status").asString()).isEqualTo("UP");
        assertThat(body.at("/exchanges/binance/ready").asBoolean()).isTrue();
        assertThat(body.at("/exchanges/binance/detail").asString())
                .isEqualTo("binance:spot replay FINISHED, 1/1 books in sync; binance:linear replay FINISHED, 1/1 books in sync");
        assertThat(body.at("/exchanges/bybit/ready").asBoolean()).isFalse();
        assertThat(body.at("/exchanges/bybit/detail").asString()).isEqualTo("bybit:linear replay FINISHED, 0/1 books in sync");
        assertThat(body.at("/exchanges/okx/ready").asBoolean()).isFalse();
        assertThat(body.at("/exchanges/okx/detail").asString()).isEqualTo("no okx market data is configured");

        Health health = healthIndicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKeys("binance", "bybit", "okx");
    }

    @Test
    void aStoppedCollectorServesNoPricesUntilStartedAgain() throws Exception {
        JsonNode stopped = ok(postJson("/api/qingxi/collectors/stop", "{\"id\":\"binance:linear\"}"));
        assertThat(stopped.get("status").asString()).isEqualTo("STOPPED");
        assertThat(ok(postJson("/api/qingxi/collectors/stop", "{\"id\":\"binance:linear\"}")).get("status").asString())
                .as("idempotent").isEqualTo("STOPPED");

        JsonNode refused = call(get("/api/prices/binance/BTCUSDT?type=linear"), 503);
        assertThat(refused.at("/error/message").asString())
                .isEqualTo("binance:linear:BTCUSDT is not in sync: the collector is stopped (collector STOPPED: stopped)");
        assertThat(ok(get("/api/prices/binance/BTCUSDT")).get("type").asString()).as("spot still runs").isEqualTo("spot");
        assertThat(ok(get("/api/exchanges")).get(0).get("connected").asBoolean()).as("stopped ones do not count").isTrue();
        assertThat(JSON.readTree(mvc.perform(get("/health")).andReturn().getResponse().getContentAsString())
                .at("/exchanges/binance/detail").asString()).contains("binance:linear stopped");

        JsonNode started = ok(postJson("/api/qingxi/collectors/start", "{\"id\":\"binance:linear\"}"));
        assertThat(started.get("id").asString()).isEqualTo("binance:linear");
        assertThat(started.get("status").asString()).isIn("REPLAYING", "FINISHED");
        everyReplayHasFinished();
        assertThat(ok(postJson("/api/qingxi/collectors/start", "{\"id\":\"binance:linear\"}")).get("status").asString())
                .as("idempotent").isEqualTo("FINISHED");
        assertPrices(ok(get("/api/prices/binance/BTCUSDT?type=linear")), "binance", "linear", LINEAR.snapshot("BTCUSDT", 20), 20);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "start | {\"id\":\"kraken:spot\"} | 404 | id: no collector 'kraken:spot' (collectors: binance:spot, binance:linear, bybit:linear)",
            "stop  | {\"id\":\"okx:spot\"}    | 404 | id: no collector 'okx:spot' (collectors: binance:spot, binance:linear, bybit:linear)",
            "start | {}                       | 400 | id: must not be blank",
            "stop  | {\"id\":\" \"}           | 400 | id: must not be blank",
            "start | {\"id\":[1]}             | 400 | id: "})
    void badCollectorRequestsChangeNothing(String action, String json, int status, String message) throws Exception {
        JsonNode body = call(postJson("/api/qingxi/collectors/" + action, json), status);

        assertThat(body.at("/error/code").asString()).isEqualTo(status == 404 ? "NOT_FOUND" : "VALIDATION_ERROR");
        assertThat(body.at("/error/message").asString()).startsWith(message);
        assertThat(marketData.collectors()).allSatisfy(c -> assertThat(c.running()).isTrue());
    }
}
