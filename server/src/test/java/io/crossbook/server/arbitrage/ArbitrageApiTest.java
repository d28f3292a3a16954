package io.crossbook.server.arbitrage;

import static io.crossbook.server.arbitrage.RecordedMarket.JSON;
import static io.crossbook.server.arbitrage.RecordedMarket.LINEAR;
import static io.crossbook.server.arbitrage.RecordedMarket.LINEAR_TAKER;
import static io.crossbook.server.arbitrage.RecordedMarket.SEED;
import static io.crossbook.server.arbitrage.RecordedMarket.SEED_QTY;
import static io.crossbook.server.arbitrage.RecordedMarket.SPOT;
import static io.crossbook.server.arbitrage.RecordedMarket.SPOT_TAKER;
import static io.crossbook.server.arbitrage.RecordedMarket.data;
import static io.crossbook.server.arbitrage.RecordedMarket.decimal;
import static io.crossbook.server.arbitrage.RecordedMarket.find;
import static io.crossbook.server.arbitrage.RecordedMarket.vwap;
import static io.crossbook.server.security.TestClient.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.server.CrossbookServer;
import io.crossbook.server.api.ApiException;
import io.crossbook.server.api.ErrorCode;
import io.crossbook.server.persistence.DatabaseProperties;
import io.crossbook.server.security.ServerTest;
import io.crossbook.server.security.TestClient;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Monitored pairs, their live spreads and paper execution through the REST API (API.md "Prices and
 * monitoring", "Arbitrage"), on the recorded Binance spot and USDⓈ-M BTCUSDT books with the
 * exchanges' recorded instrument metadata and the regular-tier taker fees.
 */
@ServerTest
@TestPropertySource(properties = "crossbook.market-data.replay.speed=max")
class ArbitrageApiTest extends RecordedMarketServer {
    private static final String PAIRS = "/api/monitoring/pairs";
    private static final String ID = "binance_binance_btc(_\\d+)?";

    @Autowired
    ArbitrageService arbitrage;

    private JsonNode pairs() {
        return get(PAIRS);
    }

    @Test
    void aPairIsCreatedListedWithExactDecimalsChangedAndDeleted() {
        String id = create(SEED);
        String second = create(SEED);

        assertThat(id).matches(ID);
        assertThat(second).matches(ID).isNotEqualTo(id);
        JsonNode pair = find(pairs(), "id", id);
        assertThat(pair.get("leg1")).isEqualTo(JSON.readTree("{\"exchange\":\"binance\",\"symbol\":\"BTCUSDT\",\"type\":\"spot\"}"));
        assertThat(pair.get("leg2")).isEqualTo(JSON.readTree("{\"exchange\":\"binance\",\"symbol\":\"BTCUSDT\",\"type\":\"linear\"}"));
        assertThat(decimal(pair, "/threshold")).isEqualTo(new BigDecimal("0.12"));
        assertThat(decimal(pair, "/qty")).isEqualTo(new BigDecimal("0.001"));
        assertThat(decimal(pair, "/totalAmount")).isEqualTo(new BigDecimal("300"));
        assertThat(pair.get("direction").asString()).isEqualTo("auto");
        assertThat(pair.get("enabled").booleanValue()).isFalse();
        long createdAt = pair.get("createdAt").longValue();

        JsonNode updated = data(client.putJson(PAIRS + "/" + id, SEED.replace("\"threshold\":0.12", "\"threshold\":0.25")
                .replace("\"qty\":0.001", "\"qty\":0.002").replace("\"totalAmount\":300", "\"totalAmount\":1000.50")
                .replace("\"direction\":\"auto\"", "\"direction\":\"reverse\""), admin));

        assertThat(updated.get("id").asString()).isEqualTo(id);
        pair = find(pairs(), "id", id);
        assertThat(decimal(pair, "/threshold")).isEqualTo(new BigDecimal("0.25"));
        assertThat(decimal(pair, "/qty")).isEqualTo(new BigDecimal("0.002"));
        assertThat(decimal(pair, "/totalAmount")).isEqualTo(new BigDecimal("1000.50"));
        assertThat(pair.get("direction").asString()).isEqualTo("reverse");
        assertThat(pair.get("createdAt").longValue()).isEqualTo(createdAt);
        assertThat(pair.get("updatedAt").longValue()).isGreaterThanOrEqualTo(createdAt);

        assertThat(TestClient.body(client.delete(PAIRS + "/" + id, admin))).isEqualTo("{\"success\":true}");
        assertThat(pairs().findValuesAsString("id")).doesNotContain(id).contains(second);
        assertThat(error(client.delete(PAIRS + "/" + id, admin), HttpStatus.NOT_FOUND, "NOT_FOUND"))
                .isEqualTo("id: no pair '" + id + "'");
        assertThat(error(client.putJson(PAIRS + "/" + id, SEED, admin), HttpStatus.NOT_FOUND, "NOT_FOUND"))
                .isEqualTo("id: no pair '" + id + "'");
    }

    @Test
    void unknownPairsAreNotFoundAndNothingIsCreatedForThem() {
        JsonNode before = pairs();

        assertThat(error(client.putJson(PAIRS + "/no_such_pair", SEED, admin), HttpStatus.NOT_FOUND, "NOT_FOUND"))
                .isEqualTo("id: no pair 'no_such_pair'");
        assertThat(error(client.delete(PAIRS + "/no_such_pair", admin), HttpStatus.NOT_FOUND, "NOT_FOUND"))
                .isEqualTo("id: no pair 'no_such_pair'");
        assertThat(error(client.postJson("/api/arbitrage/execute/no_such_pair", "", admin), HttpStatus.NOT_FOUND, "NOT_FOUND"))
                .isEqualTo("pairId: no pair 'no_such_pair'");
        assertThat(pairs()).isEqualTo(before);
    }

    static Stream<Arguments> invalidPairs() {
        String spotLeg = "{\"exchange\":\"binance\",\"symbol\":\"BTCUSDT\",\"type\":\"spot\"}";
        String linearLeg = "{\"exchange\":\"binance\",\"symbol\":\"BTCUSDT\",\"type\":\"linear\"}";
        return Stream.of(
                seedWith("an unknown exchange", spotLeg, spotLeg.replace("binance", "kraken"),
                        "leg1.exchange: unknown venue 'kraken' (expected one of binance, bybit, okx)"),
                seedWith("an unknown market type", "\"linear\"", "\"perp\"",
                        "leg2.type: unknown market 'perp' (expected one of spot, linear, inverse)"),
                seedWith("an inverse leg", "\"linear\"", "\"inverse\"",
                        "leg2.type: inverse (coin-margined) legs are not supported by arbitrage yet"),
                seedWith("a symbol the exchange does not list", linearLeg, linearLeg.replace("BTCUSDT", "DOGEUSDT"),
                        "leg2.symbol: binance:linear:DOGEUSDT is not a known instrument"),
                seedWith("legs of different coins", linearLeg, linearLeg.replace("BTCUSDT", "ETHUSDT"),
                        "leg2.symbol: binance:linear:ETHUSDT trades ETH/USDT but leg1 binance:spot:BTCUSDT trades BTC/USDT"),
                seedWith("the same leg twice", linearLeg, spotLeg, "leg2: must differ from leg1 (both are binance:spot:BTCUSDT)"),
                seedWith("a leg without its exchange", spotLeg, spotLeg.replace("\"exchange\":\"binance\",", ""),
                        "leg1.exchange: is required"),
                seedWith("a leg without its market type", ",\"type\":\"linear\"", "", "leg2.type: is required"),
                seedWith("a missing leg", "\"leg2\":" + linearLeg + ",", "", "leg2: is required ({exchange, symbol, type})"),
                seedWith("a zero threshold", "0.12", "0", "threshold: must be positive, not 0"),
                seedWith("a negative threshold", "0.12", "-0.05", "threshold: must be positive, not -0.05"),
                seedWith("a threshold that is not a number", "0.12", "\"high\"", "threshold: "),
                seedWith("a missing qty", "\"qty\":0.001,", "", "qty: is required"),
                seedWith("a qty of part of the perpetual's lot", "0.001", "0.0015",
                        "qty: 0.0015 is not a whole number of binance:linear:BTCUSDT lots (lot size 0.001)"),
                seedWith("a qty below the minimum notional at the live book", "0.001", "0.0001", "qty: 0.0001 at "
                        + mid(SPOT).toPlainString() + " is 6.18 USDT, below binance:spot:BTCUSDT's minimum notional 10"),
                seedWith("a totalAmount below one trade", "300", "50", "totalAmount: 50 is below one trade's notional 61.85 USDT"),
                seedWith("an unknown direction", "\"auto\"", "\"sideways\"",
                        "direction: unknown direction 'sideways' (expected auto, forward or reverse)"),
                seedWith("an id chosen by the client", "{\"leg1\"", "{\"id\":\"mine\",\"leg1\"",
                        "id: is chosen by the server; leave it out"),
                seedWith("an unknown field", "\"threshold\"", "\"thresold\"", "thresold: unknown field"),
                Arguments.of("malformed JSON", SEED.substring(0, 40), "malformed JSON: "));
    }

    /** The seed pair with its one occurrence of {@code from} replaced, and the message that refuses it. */
    private static Arguments seedWith(String what, String from, String to, String message) {
        assertThat(SEED.indexOf(from)).as("'%s' once in the seed", from).isNotNegative().isEqualTo(SEED.lastIndexOf(from));
        return Arguments.of(what, SEED.replace(from, to), message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPairs")
    void anInvalidPairIsAValidationErrorNamingTheFieldAndNothingIsStored(String what, String json, String message) {
        JsonNode before = pairs();

        assertThat(error(client.postJson(PAIRS, json, admin), HttpStatus.BAD_REQUEST, "VALIDATION_ERROR")).startsWith(message);

        assertThat(pairs()).isEqualTo(before);
    }

    @Test
    void anInvalidChangeIsAValidationErrorAndTheStoredPairStaysAsItWas() {
        String id = create(SEED);
        JsonNode before = pairs();

        assertThat(error(client.putJson(PAIRS + "/" + id, SEED.replace("\"qty\":0.001", "\"qty\":0.0015"), admin),
                HttpStatus.BAD_REQUEST, "VALIDATION_ERROR")).startsWith("qty: 0.0015 is not a whole number");
        assertThat(error(client.putJson(PAIRS + "/" + id, SEED.replace("{\"leg1\"", "{\"id\":\"other\",\"leg1\""), admin),
                HttpStatus.BAD_REQUEST, "VALIDATION_ERROR")).isEqualTo("id: the body names 'other' but the path '" + id + "'");

        assertThat(pairs()).isEqualTo(before);
    }

    @Test
    void viewersReadButOnlyAdminsChangePairsOrTradeAndAnonymousCallersNeither() {
        String id = create(SEED);
        String viewer = client.signInAsNew("viewer").accessToken();
        JsonNode before = pairs();

        for (String token : new String[] {viewer, null}) {
            HttpStatus status = token == null ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
            String code = status.name();
            error(client.postJson(PAIRS, SEED, token), status, code);
            error(client.putJson(PAIRS + "/" + id, SEED, token), status, code);
            error(client.delete(PAIRS + "/" + id, token), status, code);
            error(client.postJson("/api/arbitrage/execute/" + id, "", token), status, code);
        }
        for (String read : List.of(PAIRS, "/api/monitoring/prices", "/api/arbitrage/opportunities",
                "/api/arbitrage/executions", "/api/arbitrage/triangular")) {
            data(client.get(read, viewer));
            error(client.get(read, null), HttpStatus.UNAUTHORIZED, "UNAUTHORIZED");
        }

        assertThat(pairs()).isEqualTo(before);
        assertThat(get("/api/arbitrage/executions?pairId=" + id).isEmpty()).isTrue();
    }

    @Test
    void aPairIsPricedAtTheVwapOfItsQtyThroughBothBooksNetOfTakerFees() {
        String id = create(SEED);
        replayAgain(id, SEED_QTY);

        JsonNode prices = pricesOf(id);

        double leg1Bid = prices.at("/leg1/bid").doubleValue();
        double leg1Ask = prices.at("/leg1/ask").doubleValue();
        double leg2Bid = prices.at("/leg2/bid").doubleValue();
        double leg2Ask = prices.at("/leg2/ask").doubleValue();
        assertThat(leg1Bid).isLessThan(leg1Ask);
        assertThat(leg2Bid).isLessThan(leg2Ask);
        String direction = prices.get("direction").asString();
        assertThat(direction).as("spot traded above the perpetual: sell spot, buy the perpetual").isEqualTo("reverse");
        double sell = leg1Bid;
        double buy = leg2Ask;
        double mid = (sell + buy) / 2;
        assertThat(prices.get("spread").doubleValue()).isCloseTo(sell - buy, within(1e-9));
        assertThat(prices.get("spreadPercent").doubleValue()).isCloseTo((sell - buy) / mid * 100, within(1e-9));
        double net = (sell * (1 - SPOT_TAKER.doubleValue()) - buy * (1 + LINEAR_TAKER.doubleValue())) / mid * 100;
        assertThat(prices.get("netSpreadPercent").doubleValue()).isCloseTo(net, within(1e-9))
                .isLessThan(prices.get("spreadPercent").doubleValue())
                .as("0.15 % of fees swallow the recorded spread").isNegative();
        assertThat(prices.get("fundingRate").isNull()).as("a replay has no funding rates").isTrue();
        assertThat(prices.get("ts").longValue()).isPositive();
    }

    @Test
    void withTakerFeesTheRecordedSpreadIsNoOpportunity() {
        String id = create(SEED.replace("\"threshold\":0.12", "\"threshold\":0.0001"));
        replayAgain(id, SEED_QTY);
        await().atMost(Duration.ofSeconds(10)).until(() -> ((Number) arbitrage.figures().get("journalBacklog")).intValue() == 0);

        assertThat(get("/api/arbitrage/opportunities?pairId=" + id).isEmpty()).isTrue();
        assertThat(get("/api/arbitrage/opportunities").isArray()).isTrue();
        assertThat(error(client.get("/api/arbitrage/opportunities?limit=0", admin), HttpStatus.BAD_REQUEST, "VALIDATION_ERROR"))
                .startsWith("limit: ");
    }

    @Test
    void aManualPaperExecutionTradesBothLegsAtTheBooksPaysTheFeesAndIsJournalled() {
        String id = create(SEED);
        replayAgain(id, SEED_QTY);
        JsonNode accountBefore = get("/api/account/binance");

        JsonNode execution = execute(id);

        BigDecimal sellPrice = vwap(SPOT, true, SEED_QTY);
        BigDecimal buyPrice = vwap(LINEAR, false, SEED_QTY);
        assertThat(execution.get("pairId").asString()).isEqualTo(id);
        assertThat(execution.get("direction").asString()).isEqualTo("reverse");
        assertThat(execution.get("outcome").asString()).isEqualTo("filled");
        assertLeg(execution.get("leg1"), "spot", "sell", sellPrice, SPOT_TAKER);
        assertLeg(execution.get("leg2"), "linear", "buy", buyPrice, LINEAR_TAKER);
        BigDecimal spread = decimal(execution, "/spread");
        assertThat(spread).isEqualByComparingTo(sellPrice.subtract(buyPrice));
        assertThat(execution.get("spreadPercent").doubleValue()).isCloseTo(spread.multiply(BigDecimal.valueOf(200))
                .divide(sellPrice.add(buyPrice), MathContext.DECIMAL64).doubleValue(), within(1e-9));
        BigDecimal fees = decimal(execution, "/leg1/fees").add(decimal(execution, "/leg2/fees"));
        assertThat(decimal(execution, "/fees")).isEqualByComparingTo(fees);
        BigDecimal pnl = decimal(execution, "/pnl");
        assertThat(pnl).isEqualByComparingTo(decimal(execution, "/leg1/price").subtract(decimal(execution, "/leg2/price"))
                .multiply(SEED_QTY).subtract(fees));
        assertThat(pnl.signum()).as("the spread does not pay the fees").isNegative();
        assertThat(decimal(execution, "/hedgedQty")).isEqualByComparingTo(SEED_QTY);
        assertThat(execution.get("ts").longValue()).isGreaterThanOrEqualTo(execution.get("startedTs").longValue());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get("/api/arbitrage/executions?pairId=" + id).findValuesAsString("outcome"))
                .containsExactly("filled"));
        JsonNode journalled = get("/api/arbitrage/executions?pairId=" + id).get(0);
        assertThat(journalled).isEqualTo(execution);

        JsonNode accountAfter = get("/api/account/binance");
        BigDecimal spotFee = decimal(execution, "/leg1/fees");
        BigDecimal linearFee = decimal(execution, "/leg2/fees");
        BigDecimal margin = SEED_QTY.multiply(buyPrice);
        assertThat(free(accountAfter, "BTC").subtract(free(accountBefore, "BTC"))).isEqualByComparingTo(SEED_QTY.negate());
        assertThat(free(accountAfter, "USDT").subtract(free(accountBefore, "USDT"))).as("proceeds less fees and the perp's margin")
                .isEqualByComparingTo(SEED_QTY.multiply(sellPrice).subtract(spotFee).subtract(linearFee).subtract(margin));
        assertThat(position(accountAfter, "/qty").subtract(position(accountBefore, "/qty"))).isEqualByComparingTo(SEED_QTY);
        assertThat(position(accountAfter, "/margin").subtract(position(accountBefore, "/margin"))).isEqualByComparingTo(margin);
    }

    @Test
    void aNewPairNeverTakesOverTheHistoryOrTheSpentTotalAmountOfADeletedOne() {
        String oneTrade = SEED.replace("\"totalAmount\":300", "\"totalAmount\":100");
        String deleted = create(oneTrade);
        replayAgain(deleted, SEED_QTY);
        String executionId = execute(deleted).get("executionId").asString();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get("/api/arbitrage/executions?pairId=" + deleted).findValuesAsString("outcome"))
                .containsExactly("filled"));
        data(client.delete(PAIRS + "/" + deleted, admin));

        String id = create(oneTrade);
        data(client.putJson(PAIRS + "/" + id, oneTrade, admin));

        assertThat(id).matches(ID).isNotEqualTo(deleted);
        assertThat(get("/api/arbitrage/executions?pairId=" + id).isEmpty()).isTrue();
        assertThat(get("/api/arbitrage/executions?pairId=" + deleted).findValuesAsString("executionId"))
                .as("history outlives its pair").containsExactly(executionId);
        assertThat(execute(id).get("outcome").asString())
                .as("its whole totalAmount is left").isEqualTo("filled");
    }

    @Test
    void pairsSurviveRestartsOnTheSameDatabaseAndArePricedOnceTheirExchangeIsKnown(@Autowired DatabaseProperties database) {
        String id = create(SEED.replace("\"threshold\":0.12", "\"threshold\":0.33"));
        String stored = find(pairs(), "id", id).toString();

        try (ConfigurableApplicationContext unreachable = restart(database, false)) {
            ArbitrageService arbitrage = unreachable.getBean(ArbitrageService.class);

            assertThat(find(JSON.valueToTree(arbitrage.pairs()), "id", id)).hasToString(stored);
            assertThat(statusOf(arbitrage, id)).isEqualTo("no price: instrument metadata not known yet (is the exchange reachable?)");
            assertThatThrownBy(() -> arbitrage.execute(id)).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(ErrorCode.EXCHANGE_UNAVAILABLE));
        }
        try (ConfigurableApplicationContext replaying = restart(database, true)) {
            ArbitrageService arbitrage = replaying.getBean(ArbitrageService.class);

            assertThat(find(JSON.valueToTree(arbitrage.pairs()), "id", id)).hasToString(stored);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(statusOf(arbitrage, id)).isEqualTo("priced"));
        }
    }

    /** Another server on this one's database: without market data, or replaying the recordings at 1x in a loop. */
    private static ConfigurableApplicationContext restart(DatabaseProperties database, boolean marketData) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--crossbook.market-data.feeds=",
                "--crossbook.db.sqlite-file=" + database.sqliteFile(), "--crossbook.security.bcrypt-cost=4",
                "--crossbook.market-data.replay.speed=1x", "--crossbook.market-data.replay.loop=true"));
        if (marketData) {
            RecordedMarket.register((name, value) -> args.add("--" + name + "=" + value.get()));
        }
        return new SpringApplicationBuilder(CrossbookServer.class).run(args.toArray(String[]::new));
    }

    private static String statusOf(ArbitrageService arbitrage, String pairId) {
        return arbitrage.prices().stream().filter(p -> p.pairId().equals(pairId)).map(PairPrices::status).findFirst().orElseThrow();
    }

    private static void assertLeg(JsonNode leg, String type, String side, BigDecimal price, BigDecimal takerRate) {
        assertThat(leg.get("exchange").asString()).isEqualTo("binance");
        assertThat(leg.get("type").asString()).isEqualTo(type);
        assertThat(leg.get("symbol").asString()).isEqualTo("BTCUSDT");
        assertThat(leg.get("side").asString()).isEqualTo(side);
        assertThat(leg.get("orderId").asString()).isNotBlank();
        assertThat(leg.get("success").booleanValue()).isTrue();
        assertThat(decimal(leg, "/price")).isEqualByComparingTo(price);
        assertThat(decimal(leg, "/qty")).isEqualByComparingTo(SEED_QTY);
        assertThat(decimal(leg, "/fees")).isEqualByComparingTo(price.multiply(SEED_QTY).multiply(takerRate));
    }

    private static BigDecimal free(JsonNode account, String asset) {
        return new BigDecimal(find(account.get("balances"), "asset", asset).get("free").asString());
    }

    /** A field of the perpetual BTCUSDT position, zero when there is none. */
    private static BigDecimal position(JsonNode account, String field) {
        return account.get("positions").valueStream()
                .filter(p -> p.get("market").asString().equals("linear") && p.get("symbol").asString().equals("BTCUSDT"))
                .map(p -> new BigDecimal(p.at(field).asString())).findFirst().orElse(BigDecimal.ZERO);
    }

    @Test
    void triangularPathsAreAListAndNoneFormFromASingleSpotSymbol() {
        JsonNode paths = get("/api/arbitrage/triangular");

        assertThat(paths.isArray()).isTrue();
        assertThat(paths.isEmpty()).isTrue();
    }

    private static BigDecimal mid(BookSnapshot book) {
        return book.bestBid().add(book.bestAsk()).divide(BigDecimal.TWO).stripTrailingZeros();
    }
}
