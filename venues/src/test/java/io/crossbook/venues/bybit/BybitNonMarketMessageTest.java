package io.crossbook.venues.bybit;

import io.crossbook.venues.common.CapturingListener;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.Market;
import io.crossbook.venues.common.MessageKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Acknowledgements, pongs, errors and unused topics are {@code OTHER} and change nothing. */
class BybitNonMarketMessageTest {
    private static final long NOW = 1_786_613_160_000_000_000L;

    private final CapturingListener listener = new CapturingListener();
    private final List<String> resyncs = new ArrayList<>();

    private final BybitFeedHandler spot =
            new BybitFeedHandler(Market.SPOT, Map.of(), CleaningRules.DEFAULT, listener, resyncs::add);

    @Test
    void subscribeAcknowledgementsOfSpotAndLinearAreOther() {
        List<String> acks = Fixtures.ccxtSubscribeAcks();
        assertThat(acks).isNotEmpty();

        acks.forEach(ack -> assertThat(spot.onMessage(NOW, ack)).isEqualTo(MessageKind.OTHER));

        assertNothingHappened();
    }

    @Test
    void pongRepliesAndErrorRepliesAreOther() {
        // Shapes from Bybit's v5 "Connect" page (spot, linear and the other public channels).
        List<String> replies = List.of(
                "{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"0970e817-426e-429a-a679-ff7f55e0b16a\",\"op\":\"ping\"}",
                "{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"465772b1-7630-4fdc-a492-e003e6f0f260\",\"req_id\":\"\",\"op\":\"ping\"}",
                "{\"args\":[\"1672916271846\"],\"op\":\"pong\"}",
                "{\"success\":false,\"ret_msg\":\"Invalid topic\",\"conn_id\":\"0970e817\",\"op\":\"subscribe\"}");

        replies.forEach(reply -> assertThat(spot.onMessage(NOW, reply)).isEqualTo(MessageKind.OTHER));

        assertNothingHappened();
    }

    @Test
    void tickerTopicsAreOtherBecauseTheBestBidAndAskComeFromTheLevelOneBook() {
        List<String> tickers = Fixtures.ccxtMessages("tickers.");
        assertThat(tickers).hasSize(4);

        tickers.forEach(t -> assertThat(spot.onMessage(NOW, t)).isEqualTo(MessageKind.OTHER));

        assertNothingHappened();
    }

    private void assertNothingHappened() {
        assertThat(spot.symbols()).isEmpty();
        assertThat(spot.malformedUnattributed()).isZero();
        assertThat(listener.anomalies).isEmpty();
        assertThat(listener.tickers).isEmpty();
        assertThat(resyncs).isEmpty();
    }
}
