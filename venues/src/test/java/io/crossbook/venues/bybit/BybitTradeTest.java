package io.crossbook.venues.bybit;

import io.crossbook.venues.common.CapturingListener;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.core.clean.Anomaly;
import io.crossbook.core.clean.AnomalyKind;
import io.crossbook.core.clean.CleaningRules;
import io.crossbook.core.model.FixedPoint;
import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Market;
import io.crossbook.core.model.Side;
import io.crossbook.core.model.Trade;
import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.MessageKind;
import io.crossbook.venues.common.ResyncRequester;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Public trades ({@code publicTrade.{symbol}}) as {@link io.crossbook.core.model.Trade}s. */
class BybitTradeTest {
    private static final long NOW = 1_786_613_160_000_000_000L;

    private final CapturingListener listener = new CapturingListener();

    private final BybitFeedHandler linear =
            new BybitFeedHandler(Market.LINEAR, Map.of(), CleaningRules.DEFAULT, listener, ResyncRequester.NONE);
    private final List<String> trades = Fixtures.ccxtMessages("publicTrade.");

    @Test
    void eachPublicTradeBecomesATrade() {
        assertThat(linear.onMessage(NOW, trades.get(0))).isEqualTo(MessageKind.TRADE);

        Trade t = listener.trades.getFirst();
        assertThat(t.instrument()).isEqualTo(new InstrumentId(Venue.BYBIT, Market.LINEAR, "BTCUSDT"));
        assertThat(t.tradeId()).isEqualTo("e799c7b7-1ccc-53d9-b84a-fb7a460397bc");
        assertThat(decimal(t.price(), t.priceScale())).isEqualByComparingTo("63976.10");
        assertThat(decimal(t.qty(), t.qtyScale())).isEqualByComparingTo("0.015");
        assertThat(t.aggressor()).as("S=Buy: the taker bought").isEqualTo(Side.BID);
        assertThat(t.exchangeTimeMillis()).as("the fill time T").isEqualTo(1786540363843L);
        assertThat(t.receiveNanos()).isEqualTo(NOW);
    }

    @Test
    void aSellTakerIsTheAskSide() {
        linear.onMessage(NOW, trades.get(1).replace("\"S\":\"Buy\"", "\"S\":\"Sell\""));

        assertThat(listener.trades).singleElement().satisfies(t -> {
            assertThat(t.aggressor()).isEqualTo(Side.ASK);
            assertThat(decimal(t.qty(), t.qtyScale())).isEqualByComparingTo("0.002");
        });
    }

    @Test
    void everyElementOfTheDataArrayIsATrade() {
        String first = trades.get(0);
        String element = first.substring(first.indexOf("[{") + 1, first.lastIndexOf("}]") + 1);
        String two = first.replace("[" + element + "]", "[" + element + "," + element.replace("\"S\":\"Buy\"", "\"S\":\"Sell\"") + "]");

        linear.onMessage(NOW, two);

        assertThat(listener.trades).extracting(Trade::aggressor).containsExactly(Side.BID, Side.ASK);
    }

    @Test
    void aTradeWithAnUnknownTakerSideIsFlaggedAndNoTradeOfItsMessageIsPublished() {
        String first = trades.get(0);
        String element = first.substring(first.indexOf("[{") + 1, first.lastIndexOf("}]") + 1);
        String brokenSecond = first.replace("[" + element + "]",
                "[" + element + "," + element.replace("\"S\":\"Buy\"", "\"S\":\"Hold\"") + "]");

        linear.onMessage(NOW, brokenSecond);

        assertThat(listener.trades).isEmpty();
        assertThat(listener.anomalies).extracting(Anomaly::kind).containsExactly(AnomalyKind.INVALID_MESSAGE);
    }

    private static BigDecimal decimal(long mantissa, int scale) {
        return FixedPoint.toBigDecimal(mantissa, scale);
    }
}
