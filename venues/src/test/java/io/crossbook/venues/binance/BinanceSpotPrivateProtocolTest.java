package io.crossbook.venues.binance;

import static io.crossbook.venues.binance.BinanceDocExamples.EVENT_STREAM_TERMINATED;
import static io.crossbook.venues.binance.BinanceDocExamples.EXECUTION_REPORT_NEW;
import static io.crossbook.venues.binance.BinanceDocExamples.OUTBOUND_ACCOUNT_POSITION;
import static io.crossbook.venues.binance.BinanceDocExamples.WS_API_SUBSCRIBED;
import static io.crossbook.venues.binance.BinanceSignerTest.DOC_API_KEY;
import static io.crossbook.venues.binance.BinanceSignerTest.DOC_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.OrderSide;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.common.RateLimitedException;
import io.crossbook.venues.trading.AccountLimiter;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.OrderStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The spot user data stream on the WebSocket API: its signed subscription, its answer, and the events it brings. */
class BinanceSpotPrivateProtocolTest {
    private static final URI WS_API = URI.create("wss://ws-api.binance.com:443/ws-api/v3");
    private static final long NOW = 1_700_000_000_123L;

    private final AccountLimiter limiter = limiter();
    private final BinanceSpotPrivateProtocol protocol = new BinanceSpotPrivateProtocol(WS_API, ApiCredentials.of(DOC_API_KEY,
            DOC_SECRET), Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC), Duration.ofMillis(5000), limiter);
    private final RecordingListener listener = new RecordingListener();

    static AccountLimiter limiter() {
        return new AccountLimiter(Venue.BINANCE, new AccountLimiter.Limits(6000, Duration.ofMinutes(1), 100,
                Duration.ofSeconds(10), Duration.ofMillis(100)));
    }

    @Test
    void signsAsTheWebSocketApiDocumentationsHmacExampleShows() {
        assertThat(protocol.signature(BinanceDocExamples.WS_API_SIGNATURE_PAYLOAD)).isEqualTo(BinanceDocExamples.WS_API_SIGNATURE);
    }

    @Test
    void subscribesWithTheKeyReceiveWindowAndTimestampSignedInNameOrder() {
        JsonNode frame = JsonMapper.shared().readTree(protocol.openingFrames().getFirst());

        assertThat(frame.path("id").asString()).isEqualTo("crossbook-user-data");
        assertThat(frame.path("method").asString()).isEqualTo("userDataStream.subscribe.signature");
        JsonNode params = frame.path("params");
        assertThat(params.propertyNames()).containsExactly("apiKey", "recvWindow", "timestamp", "signature");
        assertThat(params.path("apiKey").asString()).isEqualTo(DOC_API_KEY);
        assertThat(params.path("recvWindow").asLong()).isEqualTo(5000);
        assertThat(params.path("timestamp").asLong()).isEqualTo(NOW);
        assertThat(params.path("signature").asString())
                .isEqualTo(protocol.signature("apiKey=" + DOC_API_KEY + "&recvWindow=5000&timestamp=" + NOW));
        assertThat(protocol.openingFrames()).hasSize(1);
    }

    @Test
    void connectingTakesTheSubscriptionsWeightFromTheSpotBudget() {
        assertThat(protocol.connectUri()).isEqualTo(WS_API);

        limiter.pause(new RateLimitedException("429", Duration.ofMinutes(1), false));

        assertThatThrownBy(protocol::connectUri).isInstanceOf(RateLimitedException.class).hasMessageContaining("not sent");
    }

    @Test
    void isReadyOnTheSubscriptionsAnswerOnly() {
        assertThat(protocol.isReady(OUTBOUND_ACCOUNT_POSITION)).isFalse();
        assertThat(protocol.isReady("{\"id\":\"someone-else\",\"status\":200,\"result\":{}}")).isFalse();
        assertThat(protocol.isReady(WS_API_SUBSCRIBED)).isTrue();
    }

    @Test
    void aRefusedSubscriptionCarriesBinancesCodeWithTheKeyMasked() {
        String refusal = "{\"id\":\"crossbook-user-data\",\"status\":401,\"error\":{\"code\":-2015,"
                + "\"msg\":\"Invalid API-key, IP, or permissions for action. key " + DOC_API_KEY + "\"}}";

        assertThatThrownBy(() -> protocol.isReady(refusal)).isInstanceOfSatisfying(ExchangeRejectedException.class, e -> {
            assertThat(e.exchangeCode()).isEqualTo("-2015");
            assertThat(e.exchangeMessage()).startsWith("Invalid API-key, IP, or permissions for action.")
                    .doesNotContain(DOC_API_KEY);
        });
    }

    @Test
    void aNewOrderReportIsAnOrderUpdate() {
        protocol.read(EXECUTION_REPORT_NEW, listener);

        assertThat(listener.received).containsExactly(new ExchangeOrder("ETHBTC", "mUvoqJxFIILMdfAW5iGSOW", "4293153",
                OrderSide.BUY, OrderStatus.NEW, new BigDecimal("1.00000000"), new BigDecimal("0.00000000"), null,
                new BigDecimal("0.10264410"), 1499405658657L));
    }

    @Test
    void aTradeReportIsAFillWithItsTradeIdThenTheOrdersState() {
        String fill = BinanceDocExamples.withFields(EXECUTION_REPORT_NEW, "event", "x", "TRADE", "X", "PARTIALLY_FILLED",
                "l", "0.40000000", "z", "0.40000000", "L", "0.10264410", "n", "0.00040000", "N", "ETH", "t", 77,
                "Z", "0.04105764");

        protocol.read(fill, listener);

        assertThat(listener.received).containsExactly(
                new ExchangeTrade("ETHBTC", "mUvoqJxFIILMdfAW5iGSOW", "4293153", "77", new BigDecimal("0.40000000"),
                        new BigDecimal("0.10264410"), new BigDecimal("0.00040000"), "ETH", 1499405658657L),
                new ExchangeOrder("ETHBTC", "mUvoqJxFIILMdfAW5iGSOW", "4293153", OrderSide.BUY, OrderStatus.PARTIALLY_FILLED,
                        new BigDecimal("1.00000000"), new BigDecimal("0.40000000"), new BigDecimal("0.1026441"),
                        new BigDecimal("0.10264410"), 1499405658657L));
    }

    @Test
    void aCancelReportNamesTheOrderByItsOriginalClientIdNotTheCancels() {
        String cancel = BinanceDocExamples.withFields(EXECUTION_REPORT_NEW, "event", "c", "cancelMyOrder1",
                "C", "mUvoqJxFIILMdfAW5iGSOW", "x", "CANCELED", "X", "CANCELED");

        protocol.read(cancel, listener);

        assertThat(listener.received).singleElement().isInstanceOfSatisfying(ExchangeOrder.class, o -> {
            assertThat(o.clientOrderId()).isEqualTo("mUvoqJxFIILMdfAW5iGSOW");
            assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
        });
    }

    @Test
    void theEndOfTheSubscriptionDropsTheConnectionToSubscribeAgain() {
        assertThatThrownBy(() -> protocol.read(EVENT_STREAM_TERMINATED, listener))
                .isInstanceOfSatisfying(ExchangeRejectedException.class,
                        e -> assertThat(e.exchangeCode()).isEqualTo("eventStreamTerminated"));
    }

    @Test
    void balanceEventsAndAnswersAreNotOrderUpdates() {
        protocol.read(OUTBOUND_ACCOUNT_POSITION, listener);
        protocol.read(WS_API_SUBSCRIBED, listener);

        assertThat(listener.received).isEmpty();
    }

    @Test
    void textThatIsNotJsonIsMalformed() {
        assertThatThrownBy(() -> protocol.read("<html>", listener)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void neverShowsTheSecretOrTheWholeKey() {
        assertThat(protocol.toString()).doesNotContain(DOC_SECRET).doesNotContain(DOC_API_KEY);
        assertThat(protocol.pingFrame()).isNull();
    }
}
