package io.crossbook.venues.bybit;

import static io.crossbook.venues.bybit.BybitTradingExamples.BTCUSDT_LINEAR;
import static io.crossbook.venues.bybit.BybitTradingExamples.XRPUSDT_LINEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Instrument;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.OrderSide;
import io.crossbook.venues.common.ApiCredentials;
import io.crossbook.venues.common.ExchangeRejectedException;
import io.crossbook.venues.common.HmacSha256;
import io.crossbook.venues.common.MalformedMessageException;
import io.crossbook.venues.trading.ExchangeOrder;
import io.crossbook.venues.trading.ExchangeTrade;
import io.crossbook.venues.trading.OrderStatus;
import io.crossbook.venues.trading.PrivateStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bybit v5's private stream ("Connect", "Order", "Execution" pages of the v5 docs) as the protocol speaks and reads it. */
class BybitPrivateProtocolTest {
    private static final ApiCredentials KEYS = ApiCredentials.of("BYBITKEY1234567890", "bybit-test-secret-0123456789");
    private static final long NOW = 1662350390000L;
    private static final Map<InstrumentId, Instrument> INSTRUMENTS = Map.of(XRPUSDT_LINEAR.id(), XRPUSDT_LINEAR,
            BTCUSDT_LINEAR.id(), BTCUSDT_LINEAR);

    private final BybitPrivateProtocol protocol = new BybitPrivateProtocol(BybitPrivateProtocol.PRIVATE_WS, KEYS,
            Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC), INSTRUMENTS::get);
    private final Captured captured = new Captured();

    @Test
    void connectsToThePrivateStream() {
        assertThat(protocol.connectUri()).isEqualTo(URI.create("wss://stream.bybit.com/v5/private"));
    }

    @Test
    void namesNoSecret() {
        assertThat(protocol).hasToString("BybitPrivateProtocol[wss://stream.bybit.com/v5/private, ApiCredentials[apiKey=BYBI****7890]]");
    }

    @Test
    void logsInWithASignatureOfGetRealtimeAndTheExpiryThenSubscribesOrdersAndExecutions() {
        long expires = NOW + 10_000;
        String signature = HexFormat.of().formatHex(HmacSha256.sign(KEYS.secret(), "GET/realtime" + expires));

        assertThat(protocol.openingFrames()).containsExactly(
                "{\"op\":\"auth\",\"args\":[\"BYBITKEY1234567890\"," + expires + ",\"" + signature + "\"]}",
                "{\"op\":\"subscribe\",\"args\":[\"order\",\"execution\"]}");
    }

    @Test
    void isReadyOnceTheSubscriptionIsAcknowledged() {
        assertThat(protocol.isReady(BybitTradingExamples.AUTH_OK)).isFalse();
        assertThat(protocol.isReady(BybitTradingExamples.PONG)).isFalse();
        assertThat(protocol.isReady(BybitTradingExamples.SUBSCRIBED)).isTrue();
    }

    @Test
    void aRefusedLoginIsARefusalWithBybitsReason() {
        assertThatThrownBy(() -> protocol.isReady("{\"success\":false,\"ret_msg\":\"Params Error\",\"op\":\"auth\",\"conn_id\":\"c1\"}"))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> {
                    assertThat(e.exchangeCode()).isEqualTo("auth");
                    assertThat(e.exchangeMessage()).isEqualTo("Params Error");
                });
        assertThatThrownBy(() -> protocol.isReady("{\"op\":\"auth\",\"success\":false,\"retCode\":10003,\"retMsg\":\"Invalid apikey\"}"))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> assertThat(e.exchangeMessage()).isEqualTo("Invalid apikey"));
        assertThatThrownBy(() -> protocol.isReady("{\"success\":false,\"ret_msg\":\"error:handler not found\",\"op\":\"subscribe\"}"))
                .isInstanceOfSatisfying(ExchangeRejectedException.class, e -> assertThat(e.exchangeCode()).isEqualTo("subscribe"));
    }

    @Test
    void pingsEveryTwentySeconds() {
        assertThat(protocol.pingFrame()).isEqualTo("{\"op\":\"ping\"}");
        assertThat(protocol.pingInterval()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void readsTheDocumentedExecutionAsAFillPaidInTheSettleCoin() {
        protocol.read(BybitTradingExamples.STREAM_EXECUTION, captured);

        assertThat(captured.trades).containsExactly(new ExchangeTrade("XRPUSDT", "", "f6e324ff-99c2-4e89-9739-3086e47f9381",
                "7e2ae69c-4edf-5800-a352-893d52b446aa", new BigDecimal("25"), new BigDecimal("0.3374"),
                new BigDecimal("0.005061"), "USDT", 1672364174443L));
        assertThat(captured.orders).isEmpty();
    }

    @Test
    void readsAnOrderUpdate() {
        protocol.read(BybitTradingExamples.STREAM_LINEAR_ORDER, captured);

        assertThat(captured.orders).containsExactly(new ExchangeOrder("BTCUSDT", "cb0000000000000000000000042",
                "1f1ee0d2-6a0b-4c3e-9d29-6b2f0e2a4a11", OrderSide.BUY, OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.010"),
                new BigDecimal("0.004"), new BigDecimal("30000.10"), new BigDecimal("30000.10"), 1672364262460L));
    }

    @Test
    void passesOverCategoriesNotTradedHereFundingPongsAndAcknowledgements() {
        protocol.read(BybitTradingExamples.STREAM_OPTION_ORDER, captured);
        protocol.read(BybitTradingExamples.STREAM_EXECUTION.replace("\"execType\":\"Trade\"", "\"execType\":\"Funding\""), captured);
        protocol.read(BybitTradingExamples.PONG, captured);
        protocol.read(BybitTradingExamples.SUBSCRIBED, captured);
        protocol.read("{\"id\":\"1\",\"topic\":\"wallet\",\"creationTime\":1,\"data\":[]}", captured);

        assertThat(captured.orders).isEmpty();
        assertThat(captured.trades).isEmpty();
    }

    @Test
    void aFillOfAnUnknownInstrumentWithoutFeeCurrencyIsMalformed() {
        BybitPrivateProtocol knowingNothing = new BybitPrivateProtocol(BybitPrivateProtocol.PRIVATE_WS, KEYS,
                Clock.systemUTC(), id -> null);

        assertThatThrownBy(() -> knowingNothing.read(BybitTradingExamples.STREAM_EXECUTION, captured))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("XRPUSDT");
        knowingNothing.read(BybitTradingExamples.STREAM_EXECUTION.replace("\"execFee\"", "\"feeCurrency\":\"USDT\",\"execFee\""), captured);
        assertThat(captured.trades).extracting(ExchangeTrade::feeAsset).containsExactly("USDT");
    }

    @Test
    void refusesWhatIsNotBybitsShape() {
        assertThatThrownBy(() -> protocol.read("not json", captured)).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> protocol.read("{\"data\":[]}", captured)).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> protocol.read("{\"topic\":\"order\",\"data\":{}}", captured)).isInstanceOf(MalformedMessageException.class);
    }

    private static final class Captured implements PrivateStream.Listener {
        final List<ExchangeOrder> orders = new ArrayList<>();
        final List<ExchangeTrade> trades = new ArrayList<>();

        @Override
        public void connected() {
        }

        @Override
        public void disconnected(String reason) {
        }

        @Override
        public void order(ExchangeOrder order) {
            orders.add(order);
        }

        @Override
        public void trade(ExchangeTrade trade) {
            trades.add(trade);
        }
    }
}
