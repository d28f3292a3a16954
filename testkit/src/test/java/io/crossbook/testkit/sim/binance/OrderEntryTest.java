package io.crossbook.testkit.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.model.Market;
import io.crossbook.testkit.sim.BookView;
import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.Fees;
import io.crossbook.testkit.sim.MarketEvent.Level;
import io.crossbook.testkit.sim.SimAccount;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Orders against the replayed BTCUSDT books: fills, fees, balances, positions and the refusals. */
class OrderEntryTest {
    static final String KEY = "order-entry-key";
    static final String SECRET = "order-entry-secret";
    static final BigDecimal LOT = new BigDecimal("0.00001");

    private ExchangeSimulator sim;
    private BinanceClient client;

    @BeforeEach
    void start() {
        sim = BinanceSimulator.builder()
                .account(new SimAccount(KEY, SECRET).spot("USDT", "1000000").spot("BTC", "2").futures("USDT", "100000").leverage(20))
                .fees(Market.SPOT, Fees.of("0.001", "0.0008"))
                .start();
        sim.replay().stepUntilBooksReady();
        client = new BinanceClient(sim.restBase(), KEY, SECRET);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    @Test
    void aSpotMarketBuyWalksTheAsksAtTheirPricesWithExactVwapAndTakerFee() {
        BookView before = sim.replay().book(Market.SPOT, "BTCUSDT", 3);
        Level a1 = before.asks().get(0);
        Level a2 = before.asks().get(1);
        Level a3 = before.asks().get(2);
        BigDecimal qty = a1.qty().add(a2.qty()).add(LOT);
        BigDecimal cost = a1.price().multiply(a1.qty()).add(a2.price().multiply(a2.qty())).add(a3.price().multiply(LOT));

        HttpResponse<String> response = client.signed("POST", "/api/v3/order",
                "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=" + qty.toPlainString() + "&newClientOrderId=walk1");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode order = BinanceClient.json(response);
        assertThat(order.get("status").asString()).isEqualTo("FILLED");
        assertThat(order.get("clientOrderId").asString()).isEqualTo("walk1");
        assertThat(dec(order, "executedQty")).isEqualByComparingTo(qty);
        assertThat(dec(order, "cummulativeQuoteQty")).isEqualByComparingTo(cost);
        assertThat(dec(order, "cummulativeQuoteQty").divide(dec(order, "executedQty"), MathContext.DECIMAL128))
                .isEqualByComparingTo(cost.divide(qty, MathContext.DECIMAL128));
        JsonNode fills = order.get("fills");
        assertThat(fills).hasSize(3);
        List<Level> walked = List.of(a1, a2, new Level(a3.price(), LOT));
        BigDecimal fees = BigDecimal.ZERO;
        for (int i = 0; i < 3; i++) {
            assertThat(dec(fills.get(i), "price")).isEqualByComparingTo(walked.get(i).price());
            assertThat(dec(fills.get(i), "qty")).isEqualByComparingTo(walked.get(i).qty());
            assertThat(dec(fills.get(i), "commission")).isEqualByComparingTo(walked.get(i).qty().multiply(new BigDecimal("0.001")));
            assertThat(fills.get(i).get("commissionAsset").asString()).isEqualTo("BTC");
            fees = fees.add(dec(fills.get(i), "commission"));
        }

        SimAccount account = sim.account(KEY);
        assertThat(account.spotBalance("USDT").free()).isEqualByComparingTo(new BigDecimal("1000000").subtract(cost));
        assertThat(account.spotBalance("BTC").free()).isEqualByComparingTo(new BigDecimal("2").add(qty).subtract(fees));
        BookView after = sim.replay().book(Market.SPOT, "BTCUSDT", 1);
        assertThat(after.bestAsk()).as("the taken levels are gone").isEqualByComparingTo(a3.price());
        assertThat(after.asks().getFirst().qty()).isEqualByComparingTo(a3.qty().subtract(LOT));
        assertThat(sim.acceptedOrders("walk1")).isOne();
    }

    @Test
    void aFuturesMarketSellOpensAShortAtItsVwapAndBuyingBackRealisesTheDifference() {
        BookView book = sim.replay().book(Market.LINEAR, "BTCUSDT", 2);
        Level b1 = book.bids().get(0);
        BigDecimal qty = b1.qty().add(new BigDecimal("0.001"));
        Level b2 = book.bids().get(1);
        BigDecimal quote = b1.price().multiply(b1.qty()).add(b2.price().multiply(new BigDecimal("0.001")));

        JsonNode sold = BinanceClient.json(client.signed("POST", "/fapi/v1/order",
                "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=" + qty.toPlainString() + "&newClientOrderId=short1&newOrderRespType=RESULT"));

        assertThat(sold.get("status").asString()).isEqualTo("FILLED");
        assertThat(dec(sold, "executedQty")).isEqualByComparingTo(qty);
        assertThat(dec(sold, "cumQuote")).isEqualByComparingTo(quote);
        BigDecimal vwap = quote.divide(qty, MathContext.DECIMAL128);
        assertThat(dec(sold, "avgPrice")).isEqualByComparingTo(vwap);
        BigDecimal sellFee = quote.multiply(new BigDecimal("0.0005"));
        JsonNode trades = BinanceClient.json(client.signed("GET", "/fapi/v1/userTrades", "symbol=BTCUSDT"));
        assertThat(trades).hasSize(2);
        assertThat(trades.get(0).get("commissionAsset").asString()).isEqualTo("USDT");
        assertThat(dec(trades.get(0), "commission").add(dec(trades.get(1), "commission"))).isEqualByComparingTo(sellFee);

        JsonNode position = BinanceClient.json(client.signed("GET", "/fapi/v2/positionRisk", "symbol=BTCUSDT")).get(0);
        assertThat(dec(position, "positionAmt")).isEqualByComparingTo(qty.negate());
        assertThat(dec(position, "entryPrice")).isEqualByComparingTo(vwap);

        BookView asks = sim.replay().book(Market.LINEAR, "BTCUSDT", 1);
        BigDecimal ask = asks.bestAsk();
        BigDecimal closing = new BigDecimal("0.001");
        JsonNode bought = BinanceClient.json(client.signed("POST", "/fapi/v1/order",
                "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&newClientOrderId=cover1&newOrderRespType=RESULT"));
        assertThat(dec(bought, "avgPrice")).isEqualByComparingTo(ask);
        BigDecimal realized = vwap.subtract(ask).multiply(closing);
        BigDecimal buyFee = ask.multiply(closing).multiply(new BigDecimal("0.0005"));
        JsonNode cover = BinanceClient.json(client.signed("GET", "/fapi/v1/userTrades", "symbol=BTCUSDT")).get(2);
        assertThat(dec(cover, "realizedPnl")).isEqualByComparingTo(realized);
        assertThat(sim.account(KEY).futuresBalance("USDT"))
                .isEqualByComparingTo(new BigDecimal("100000").subtract(sellFee).subtract(buyFee).add(realized));
        assertThat(sim.account(KEY).position("BTCUSDT").qty()).isEqualByComparingTo(qty.negate().add(closing));
        JsonNode balance = BinanceClient.json(client.signed("GET", "/fapi/v2/balance", "")).get(0);
        assertThat(balance.get("asset").asString()).isEqualTo("USDT");
        assertThat(dec(balance, "balance")).isEqualByComparingTo(sim.account(KEY).futuresBalance("USDT"));
    }

    @Test
    void aRestingLimitOrderFillsAtItsPriceAsMakerWhenTheReplayedBookCrossesIt() {
        Crossing crossing = findCrossing();
        try (ExchangeSimulator fresh = BinanceSimulator.builder().account(new SimAccount(KEY, SECRET).spot("USDT", "1000000").spot("BTC", "2"))
                .fees(Market.SPOT, Fees.of("0.001", "0.0008")).start();
             BinanceClient c = new BinanceClient(fresh.restBase(), KEY, SECRET)) {
            fresh.replay().stepUntilBooksReady();
            BigDecimal qty = crossing.qty.min(new BigDecimal("0.01"));
            JsonNode placed = BinanceClient.json(c.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=" + crossing.side
                    + "&type=LIMIT&timeInForce=GTC&quantity=" + qty.toPlainString() + "&price=" + crossing.price.toPlainString()
                    + "&newClientOrderId=rest1"));
            assertThat(placed.get("status").asString()).isEqualTo("NEW");
            String lockedAsset = crossing.side.equals("BUY") ? "USDT" : "BTC";
            BigDecimal locked = crossing.side.equals("BUY") ? qty.multiply(crossing.price) : qty;
            assertThat(fresh.account(KEY).spotBalance(lockedAsset).locked()).isEqualByComparingTo(locked);
            assertThat(BinanceClient.json(c.signed("GET", "/api/v3/openOrders", "symbol=BTCUSDT"))).hasSize(1);

            fresh.replay().step(crossing.position - 1 - fresh.replay().position());
            assertThat(query(c, "rest1").get("status").asString()).as("not crossed yet").isEqualTo("NEW");
            fresh.replay().step();

            JsonNode filled = query(c, "rest1");
            assertThat(filled.get("status").asString()).isEqualTo("FILLED");
            assertThat(dec(filled, "cummulativeQuoteQty")).isEqualByComparingTo(qty.multiply(crossing.price));
            JsonNode trade = BinanceClient.json(c.signed("GET", "/api/v3/myTrades", "symbol=BTCUSDT")).get(0);
            assertThat(trade.get("isMaker").asBoolean()).isTrue();
            assertThat(dec(trade, "price")).isEqualByComparingTo(crossing.price);
            BigDecimal makerFee = crossing.side.equals("BUY") ? qty.multiply(new BigDecimal("0.0008"))
                    : qty.multiply(crossing.price).multiply(new BigDecimal("0.0008"));
            assertThat(dec(trade, "commission")).isEqualByComparingTo(makerFee);
            assertThat(fresh.account(KEY).spotBalance(lockedAsset).locked()).isZero();
            assertThat(BinanceClient.json(c.signed("GET", "/api/v3/openOrders", "symbol=BTCUSDT"))).isEmpty();
        }
    }

    /** Where in the replay the best ask first falls below (or the best bid first rises above) where it was at the snapshot. */
    private record Crossing(String side, BigDecimal price, BigDecimal qty, int position) {
    }

    private static Crossing findCrossing() {
        try (ExchangeSimulator scan = BinanceSimulator.builder().start()) {
            scan.replay().stepUntilBooksReady();
            BookView start = scan.replay().book(Market.SPOT, "BTCUSDT", 1);
            while (scan.replay().step()) {
                BookView now = scan.replay().book(Market.SPOT, "BTCUSDT", 1);
                if (now.bestAsk().compareTo(start.bestAsk()) < 0) {
                    return new Crossing("BUY", now.bestAsk(), now.asks().getFirst().qty(), scan.replay().position());
                }
                if (now.bestBid().compareTo(start.bestBid()) > 0) {
                    return new Crossing("SELL", now.bestBid(), now.bids().getFirst().qty(), scan.replay().position());
                }
            }
        }
        throw new AssertionError("the recorded spot book never moves through its first top of book");
    }

    @Test
    void aPostOnlyOrderThatWouldTakeIsRefusedInEachMarketsWords() {
        BigDecimal spotAsk = sim.replay().book(Market.SPOT, "BTCUSDT", 1).bestAsk();
        HttpResponse<String> maker = client.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER&quantity=0.001&price="
                + spotAsk.toPlainString() + "&newClientOrderId=pm1");
        assertThat(maker.statusCode()).isEqualTo(400);
        assertThat(BinanceClient.json(maker).get("code").asInt()).isEqualTo(-2010);
        assertThat(BinanceClient.json(maker).get("msg").asString()).isEqualTo("Order would immediately match and take.");

        BigDecimal futuresAsk = sim.replay().book(Market.LINEAR, "BTCUSDT", 1).bestAsk();
        HttpResponse<String> gtx = client.signed("POST", "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTX&quantity=0.001"
                + "&price=" + futuresAsk.toPlainString() + "&newClientOrderId=pm2");
        assertThat(BinanceClient.json(gtx).get("code").asInt()).isEqualTo(-5022);

        HttpResponse<String> resting = client.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER&quantity=0.001&price="
                + spotAsk.subtract(new BigDecimal("100")).toPlainString() + "&newClientOrderId=pm3");
        assertThat(BinanceClient.json(resting).get("orderId").asLong()).isPositive();
        assertThat(query(client, "pm3").get("type").asString()).isEqualTo("LIMIT_MAKER");
        assertThat(sim.acceptedOrders("pm1") + sim.acceptedOrders("pm2")).isZero();
    }

    @Test
    void aClientOrderIdOfAnOpenOrderIsRefusedButReusedAfterItClosesItCountsAsADuplicate() {
        BigDecimal below = sim.replay().book(Market.SPOT, "BTCUSDT", 1).bestBid().subtract(new BigDecimal("500"));
        String limit = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=" + below.toPlainString() + "&newClientOrderId=dup1";
        assertThat(client.signed("POST", "/api/v3/order", limit).statusCode()).isEqualTo(200);

        HttpResponse<String> again = client.signed("POST", "/api/v3/order", limit);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(BinanceClient.json(again).get("msg").asString()).isEqualTo("Duplicate order sent.");
        assertThat(sim.acceptedOrders("dup1")).isOne();
        assertThat(sim.duplicates()).isEmpty();

        JsonNode canceled = BinanceClient.json(client.signed("DELETE", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=dup1"));
        assertThat(canceled.get("status").asString()).isEqualTo("CANCELED");
        assertThat(canceled.get("origClientOrderId").asString()).isEqualTo("dup1");
        assertThat(sim.account(KEY).spotBalance("USDT").locked()).isZero();

        assertThat(client.signed("POST", "/api/v3/order", limit).statusCode()).as("Binance accepts a closed order's id").isEqualTo(200);
        assertThat(sim.acceptedOrders("dup1")).isEqualTo(2);
        assertThat(sim.duplicates()).containsExactly("dup1");

        HttpResponse<String> futuresFirst = client.signed("POST", "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=0.001&price=40000&newClientOrderId=dup2");
        assertThat(futuresFirst.statusCode()).isEqualTo(200);
        HttpResponse<String> futuresAgain = client.signed("POST", "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=0.001&price=40000&newClientOrderId=dup2");
        assertThat(BinanceClient.json(futuresAgain).get("code").asInt()).isEqualTo(-4116);
    }

    @Test
    void unknownOrdersAndShortFundsGetBinancesCodes() {
        HttpResponse<String> query = client.signed("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=nope");
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(BinanceClient.json(query).get("code").asInt()).isEqualTo(-2013);
        assertThat(BinanceClient.json(client.signed("DELETE", "/fapi/v1/order", "symbol=BTCUSDT&origClientOrderId=nope")).get("code").asInt())
                .isEqualTo(-2011);

        HttpResponse<String> broke = client.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=3&newClientOrderId=b1");
        assertThat(BinanceClient.json(broke).get("code").asInt()).isEqualTo(-2010);
        assertThat(BinanceClient.json(broke).get("msg").asString()).isEqualTo("Account has insufficient balance for requested action.");

        HttpResponse<String> margin = client.signed("POST", "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=40"
                + "&price=60000&newClientOrderId=m1");
        assertThat(BinanceClient.json(margin).get("code").asInt()).as("2.4 M notional at 20x needs 120 k margin").isEqualTo(-2019);
        assertThat(BinanceClient.json(client.signed("POST", "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC"
                + "&quantity=0.0015&price=40000&newClientOrderId=m2")).get("code").asInt()).isEqualTo(-1111);
        assertThat(sim.orders()).isEmpty();
    }

    private static JsonNode query(BinanceClient c, String clientOrderId) {
        return BinanceClient.json(c.signed("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=" + clientOrderId));
    }

    private static BigDecimal dec(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asString());
    }
}
