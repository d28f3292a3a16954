package io.crossbook.testkit.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.LoggedRequest;
import io.crossbook.testkit.sim.RequestKind;
import io.crossbook.testkit.sim.SimAccount;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every REST request is logged with Binance's documented weight, per weight budget. */
class RequestLogTest {

    @Test
    void requestsAreLoggedWithTheirDocumentedWeightsAndSummedPerWindow() throws InterruptedException {
        try (ExchangeSimulator sim = BinanceSimulator.builder().account(new SimAccount("log-key", "log-secret").spot("USDT", "100")).start();
             BinanceClient client = new BinanceClient(sim.restBase(), "log-key", "log-secret")) {
            client.get("/api/v3/time");
            client.get("/api/v3/exchangeInfo");
            client.get("/api/v3/depth?symbol=BTCUSDT&limit=1000");
            client.get("/fapi/v1/depth?symbol=BTCUSDT&limit=1000");
            client.get("/fapi/v1/exchangeInfo");
            client.signed("GET", "/api/v3/account", "");
            client.signed("POST", "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001");
            Thread.sleep(1200);
            client.signed("GET", "/api/v3/openOrders", "");

            assertThat(sim.requests()).extracting(LoggedRequest::weight).containsExactly(1, 20, 50, 20, 1, 20, 0, 80);
            assertThat(sim.requests()).extracting(LoggedRequest::kind).containsExactly(RequestKind.SERVER_TIME, RequestKind.MARKET_DATA,
                    RequestKind.MARKET_DATA, RequestKind.MARKET_DATA, RequestKind.MARKET_DATA, RequestKind.BALANCES,
                    RequestKind.PLACE_ORDER, RequestKind.OPEN_ORDERS);
            assertThat(sim.requests()).extracting(LoggedRequest::path).contains("/api/v3/depth", "/fapi/v1/order");
            assertThat(sim.maxWeightInAnyWindow(Duration.ofMinutes(1))).isEqualTo(192);
            assertThat(sim.maxWeightInAnyWindow(BinanceSimProtocol.SPOT_LIMITS, Duration.ofMinutes(1))).isEqualTo(171);
            assertThat(sim.maxWeightInAnyWindow(BinanceSimProtocol.FUTURES_LIMITS, Duration.ofMinutes(1))).isEqualTo(21);
            assertThat(sim.maxWeightInAnyWindow(BinanceSimProtocol.SPOT_LIMITS, Duration.ofSeconds(1)))
                    .as("the last request came 1.2 s after the rest").isEqualTo(91);
        }
    }
}
