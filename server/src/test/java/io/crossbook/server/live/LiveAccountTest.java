package io.crossbook.server.live;

import static io.crossbook.testkit.sim.binance.BinanceSimulator.SPOT_BTCUSDT;
import static io.crossbook.testkit.sim.binance.BinanceSimulator.USDM_BTCUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.exec.OrderType;
import io.crossbook.core.exec.TimeInForce;
import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import io.crossbook.testkit.sim.ExchangeSimulator;
import io.crossbook.testkit.sim.SimAccount;
import io.crossbook.testkit.sim.binance.BinanceSimulator;
import io.crossbook.venues.binance.BinanceEndpoints;
import io.crossbook.venues.binance.BinanceTrading;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.SignedRestClient;
import io.crossbook.venues.trading.AccountLimiter;
import io.crossbook.venues.trading.ExchangeClock;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live funding check on what the real Binance adapter reads from the simulated exchange (spot
 * wallet 500 USDT, USDⓈ-M wallet 1,000 USDT at the simulator's 10x): a perpetual order is refused when
 * the margin it adds exceeds the wallet's available balance, as the exchange itself then refuses it;
 * reducing a position needs no margin; and the USDⓈ-M wallet never funds a spot order.
 */
class LiveAccountTest {
    private static final BigDecimal TEN_X = new BigDecimal("0.1");
    private static final BigDecimal TAKER = new BigDecimal("0.0005");

    private ExchangeSimulator sim;
    private BinanceTrading api;
    private LiveAccount account;

    @BeforeEach
    void start() {
        sim = BinanceSimulator.builder().account(new SimAccount("funding-key", "funding-secret").spot("USDT", "500")
                .futures("USDT", "1000")).start();
        sim.replay().stepUntilBooksReady();
        URI rest = sim.restBase();
        URI unused = URI.create("ws://127.0.0.1:1/unused");
        api = new BinanceTrading(new SignedRestClient(HttpClient.newHttpClient(), Duration.ofSeconds(2)),
                new BinanceEndpoints(rest, rest, unused, unused), ApiCredentials.of("funding-key", "funding-secret"),
                new ExchangeClock(Clock.systemUTC()), Duration.ofSeconds(5), new AccountLimiter(Venue.BINANCE, BinanceTrading.SPOT_LIMITS),
                new AccountLimiter(Venue.BINANCE, BinanceTrading.FUTURES_LIMITS));
        account = new LiveAccount(symbol -> symbol.equals("BTCUSDT") ? USDM_BTCUSDT : null, TEN_X);
        refresh();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aPerpetualOrderBeyondTheAvailableMarginIsRefusedAsTheExchangeWouldRefuseIt() {
        BigDecimal ask = ask(Market.LINEAR);
        BigDecimal tooMuch = new BigDecimal("0.200"); // about 1,200 USDT of margin at 10x

        assertThat(shortfall(USDM_BTCUSDT, OrderSide.BUY, tooMuch, ask)).startsWith("needs ").contains("USDT",
                "1000 available as margin at the exchange");
        assertThatThrownBy(() -> api.place(perpOrder("big", OrderSide.BUY, tooMuch))).isInstanceOfSatisfying(
                ExchangeRejectedException.class, e -> assertThat(e.insufficientFunds()).isTrue());

        BigDecimal fits = new BigDecimal("0.100"); // about 600 USDT
        assertThat(shortfall(USDM_BTCUSDT, OrderSide.BUY, fits, ask)).isNull();
        api.place(perpOrder("fits", OrderSide.BUY, fits));
        refresh();

        assertThat(shortfall(USDM_BTCUSDT, OrderSide.BUY, fits, ask)).as("the margin the open long holds is not available again")
                .contains("available as margin");
        assertThat(shortfall(USDM_BTCUSDT, OrderSide.SELL, fits, ask(Market.LINEAR))).as("closing the long needs no margin").isNull();
        assertThat(shortfall(USDM_BTCUSDT, OrderSide.SELL, fits.add(fits), ask)).as("flipping to a 0.1 short needs its margin")
                .contains("available as margin");
    }

    @Test
    void theUsdmWalletDoesNotFundASpotBuy() {
        BigDecimal ask = ask(Market.SPOT);
        BigDecimal qty = new BigDecimal("0.01000"); // about 600 USDT: more than spot's 500, less than spot and USDⓈ-M together

        assertThat(shortfall(SPOT_BTCUSDT, OrderSide.BUY, qty, ask)).endsWith("500 free at the exchange");
        assertThat(shortfall(SPOT_BTCUSDT, OrderSide.BUY, new BigDecimal("0.00500"), ask)).isNull();
        assertThat(account.exposure("USDT")).as("both wallets are held").isEqualByComparingTo("1500");
    }

    private String shortfall(Instrument instrument, OrderSide side, BigDecimal qty, BigDecimal price) {
        return account.shortfall(instrument, side, qty, price, qty.multiply(price).multiply(TAKER));
    }

    private OrderRequest perpOrder(String id, OrderSide side, BigDecimal qty) {
        return new OrderRequest(id, USDM_BTCUSDT, side, OrderType.MARKET, TimeInForce.GTC, qty, null);
    }

    private BigDecimal ask(Market market) {
        return sim.replay().book(market, "BTCUSDT", 1).bestAsk();
    }

    private void refresh() {
        account.update(api.balances(), api.positions());
    }
}
