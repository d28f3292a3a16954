package io.crossbook.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.Venue;
import io.crossbook.venues.common.Balance;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaperAccountsTest {

    @Test
    void holdsTheConfiguredAmountsExactlyByAssetName() {
        PaperAccounts accounts = new PaperAccounts(new PaperProperties(Map.of(
                Venue.BINANCE, Map.of("USDT", new BigDecimal("10000"), "btc", new BigDecimal("0.10000000"))), null, null));

        assertThat(accounts.balances(Venue.BINANCE)).containsExactly(
                new Balance("BTC", new BigDecimal("0.10000000"), BigDecimal.ZERO),
                new Balance("USDT", new BigDecimal("10000"), BigDecimal.ZERO));
        assertThat(accounts.balances(Venue.OKX)).isEmpty();
    }

    @Test
    void refusesANegativeAmount() {
        assertThatThrownBy(() -> new PaperAccounts(new PaperProperties(Map.of(Venue.OKX, Map.of("USDT", new BigDecimal("-1"))), null, null)))
                .hasMessage("crossbook.paper.balances.okx.USDT must be zero or more, not -1");
    }

    @Test
    void refusesSomethingThatIsNotAnAssetName() {
        assertThatThrownBy(() -> new PaperAccounts(new PaperProperties(Map.of(Venue.OKX, Map.of("US DT", BigDecimal.ONE)), null, null)))
                .hasMessageContaining("'US DT' is not an asset name");
    }

    @Test
    void refusesAnAssetGivenTwice() {
        Map<String, BigDecimal> twice = new LinkedHashMap<>();
        twice.put("USDT", BigDecimal.ONE);
        twice.put("usdt", BigDecimal.TEN);

        assertThatThrownBy(() -> new PaperAccounts(new PaperProperties(Map.of(Venue.BYBIT, twice), null, null)))
                .hasMessageContaining("USDT is given twice for bybit");
    }
}
