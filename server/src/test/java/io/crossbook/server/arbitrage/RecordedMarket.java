package io.crossbook.server.arbitrage;

import static io.crossbook.server.replay.ReplayTestData.SPOT_EXCERPT;
import static io.crossbook.server.replay.ReplayTestData.USDM_EXCERPT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.book.BookSnapshot;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Venue;
import io.crossbook.server.marketdata.RecordedBooks;
import io.crossbook.server.security.TestClient;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The market the arbitrage API tests trade on: the recorded Binance spot and USDⓈ-M BTCUSDT
 * excerpts (2024-08-08 23:54 UTC) replayed at max speed with the exchanges' recorded instrument
 * metadata, and what their final books say, computed apart from the server. Throughout the
 * recording spot traded some 40 to 50 USDT above the perpetual.
 */
public final class RecordedMarket {
    /** The books as the recordings leave them: what a finished replay keeps showing. */
    public static final BookSnapshot SPOT = finalBook(Market.SPOT, SPOT_EXCERPT);
    public static final BookSnapshot LINEAR = finalBook(Market.LINEAR, USDM_EXCERPT);
    /** Binance's regular-tier taker rates, the documented defaults of {@code crossbook.fees.taker}. */
    static final BigDecimal SPOT_TAKER = new BigDecimal("0.001");
    static final BigDecimal LINEAR_TAKER = new BigDecimal("0.0005");
    /** Reads numbers as exact decimals, as the API writes them. */
    public static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    /** The seeds' pair: buy or sell Binance spot BTCUSDT against the USDⓈ-M perpetual, 0.001 BTC a trade. */
    public static final String SEED = """
            {"leg1":{"exchange":"binance","symbol":"BTCUSDT","type":"spot"},
             "leg2":{"exchange":"binance","symbol":"BTCUSDT","type":"linear"},
             "threshold":0.12,"qty":0.001,"totalAmount":300,"direction":"auto","enabled":false}""";
    public static final BigDecimal SEED_QTY = new BigDecimal("0.001");

    private RecordedMarket() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("crossbook.market-data.replay.sources[0]", () -> "binance:spot:" + SPOT_EXCERPT);
        registry.add("crossbook.market-data.replay.sources[1]", () -> "binance:linear:" + USDM_EXCERPT);
        registry.add("crossbook.market-data.replay.instruments[0]", () -> "binance:spot:" + resource("binance/exchange_info_spot.json"));
        registry.add("crossbook.market-data.replay.instruments[1]", () -> "binance:linear:" + resource("binance/exchange_info_usdm.json"));
    }

    /** The exact average price of taking {@code qty} from one side of a recorded book, best level first. */
    public static BigDecimal vwap(BookSnapshot book, boolean bids, BigDecimal qty) {
        long[] prices = bids ? book.bidPrices() : book.askPrices();
        long[] qtys = bids ? book.bidQtys() : book.askQtys();
        BigDecimal left = qty;
        BigDecimal cost = BigDecimal.ZERO;
        for (int i = 0; i < prices.length && left.signum() > 0; i++) {
            BigDecimal take = left.min(FixedPoint.toBigDecimal(qtys[i], book.qtyScale()));
            cost = cost.add(take.multiply(FixedPoint.toBigDecimal(prices[i], book.priceScale())));
            left = left.subtract(take);
        }
        assertThat(left.signum()).as("the recorded book is deep enough for %s", qty).isZero();
        return cost.divide(qty, MathContext.DECIMAL128).stripTrailingZeros();
    }

    /** The {@code data} of a successful response. */
    public static JsonNode data(MvcTestResult result) {
        JsonNode body = JSON.readTree(TestClient.body(result));
        assertThat(result).as("%s", body).hasStatus(HttpStatus.OK);
        assertThat(body.get("success").booleanValue()).isTrue();
        return body.get("data");
    }

    /** The element of an array whose {@code field} is {@code value}; fails when there is none. */
    public static JsonNode find(JsonNode array, String field, String value) {
        List<JsonNode> found = array.valueStream().filter(n -> value.equals(n.get(field).asString())).toList();
        assertThat(found).as("%s = %s in %s", field, value, array).hasSize(1);
        return found.getFirst();
    }

    public static BigDecimal decimal(JsonNode node, String pointer) {
        JsonNode value = node.at(pointer);
        assertThat(value.isNumber()).as("%s is a number in %s", pointer, node).isTrue();
        return value.decimalValue();
    }

    private static BookSnapshot finalBook(Market market, Path recording) {
        return RecordedBooks.replay(Venue.BINANCE, market, recording).handler().book("BTCUSDT").snapshot(50);
    }

    private static Path resource(String name) {
        try {
            return Path.of(RecordedMarket.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
