package io.crossbook.core.exec;

import static io.crossbook.core.exec.TestInstruments.BINANCE_SPOT;
import static io.crossbook.core.exec.TestInstruments.BYBIT_INVERSE;
import static io.crossbook.core.exec.TestInstruments.BYBIT_PERP;
import static io.crossbook.core.model.OrderSide.BUY;
import static io.crossbook.core.model.OrderSide.SELL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.core.model.InstrumentId;
import io.crossbook.core.model.Venue;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PaperAccountTest {
    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    static PaperAccount account(Venue venue, Map<String, String> balances, String marginRate) {
        Map<String, BigDecimal> starting = new TreeMap<>();
        balances.forEach((asset, amount) -> starting.put(asset, dec(amount)));
        return new PaperAccount(venue, starting, dec(marginRate));
    }

    @Test
    void aSpotBuyPaysNotionalAndFeeInTheQuoteAndReceivesTheBase() {
        PaperAccount account = account(Venue.BINANCE, Map.of("USDT", "10000"), "1");

        account.apply(BINANCE_SPOT, BUY, dec("0.1"), dec("62000.00"), dec("6.2"));

        assertThat(account.free("USDT")).isEqualByComparingTo("3793.8");
        assertThat(account.free("BTC")).isEqualByComparingTo("0.1");
    }

    @Test
    void aSpotSellGivesTheBaseAndReceivesNotionalLessFee() {
        PaperAccount account = account(Venue.BINANCE, Map.of("BTC", "1"), "1");

        account.apply(BINANCE_SPOT, SELL, dec("0.4"), dec("61990.00"), dec("24.796"));

        assertThat(account.free("BTC")).isEqualByComparingTo("0.6");
        assertThat(account.free("USDT")).isEqualByComparingTo("24771.204");
    }

    @Test
    void aFillTheAccountCannotPayForIsRefusedAndChangesNothing() {
        PaperAccount account = account(Venue.BINANCE, Map.of("USDT", "1000", "BTC", "0.01"), "1");

        assertThat(account.canApply(BINANCE_SPOT, BUY, dec("0.1"), dec("62000.00"), dec("6.2"))).isFalse();
        assertThatThrownBy(() -> account.apply(BINANCE_SPOT, BUY, dec("0.1"), dec("62000.00"), dec("6.2")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("insufficient USDT: the fill needs 6206.2 USDT, 1000 free");
        assertThatThrownBy(() -> account.apply(BINANCE_SPOT, SELL, dec("0.02"), dec("62000.00"), dec("1.24")))
                .hasMessage("insufficient BTC: the fill needs 0.02 BTC, 0.01 free");

        assertThat(account.balances()).isEqualTo(Map.of("USDT", dec("1000"), "BTC", dec("0.01")));
    }

    @Test
    void openingAPerpLocksInitialMarginAndNeedsItPlusTheFeeFree() {
        PaperAccount tenX = account(Venue.BYBIT, Map.of("USDT", "623.41"), "0.1");

        assertThat(tenX.canApply(BYBIT_PERP, BUY, dec("0.1"), dec("62000.0"), dec("3.41"))).isTrue();
        assertThat(tenX.canApply(BYBIT_PERP, BUY, dec("0.1"), dec("62000.0"), dec("3.42"))).isFalse();
        tenX.apply(BYBIT_PERP, BUY, dec("0.1"), dec("62000.0"), dec("3.41"));

        assertThat(tenX.free("USDT")).isEqualByComparingTo("0");
        PaperAccount.Position position = tenX.position(BYBIT_PERP.id());
        assertThat(position.qty()).isEqualByComparingTo("0.1");
        assertThat(position.margin()).isEqualByComparingTo("620");
        assertThat(position.entryPrice()).isEqualByComparingTo("62000");
        assertThat(tenX.free("BTC")).isZero();
    }

    @Test
    void reducingAPerpReleasesMarginProRataAndRealisesThePnlIntoTheQuote() {
        PaperAccount account = account(Venue.BYBIT, Map.of("USDT", "10000"), "0.1");
        InstrumentId perp = BYBIT_PERP.id();

        // long 0.1 at 62000: margin 620, fee 3.41
        account.apply(BYBIT_PERP, BUY, dec("0.1"), dec("62000.0"), dec("3.41"));
        assertThat(account.free("USDT")).isEqualByComparingTo("9376.59");

        // sell 0.04 at 63000: releases 248 of margin, realises 0.04 × 1000 = 40, pays 1.386
        account.apply(BYBIT_PERP, SELL, dec("0.04"), dec("63000.0"), dec("1.386"));
        assertThat(account.free("USDT")).isEqualByComparingTo("9663.204");
        assertThat(account.position(perp).margin()).isEqualByComparingTo("372");
        assertThat(account.positions()).containsOnlyKeys(perp);
        assertThat(account.positions().get(perp)).isEqualByComparingTo("0.06");

        // sell 0.1 at 63000 flips: closes 0.06 (+372 margin, +60 pnl), opens short 0.04 (-252 margin), pays 3.465
        account.apply(BYBIT_PERP, SELL, dec("0.1"), dec("63000.0"), dec("3.465"));
        assertThat(account.free("USDT")).isEqualByComparingTo("9839.739");
        assertThat(account.positions().get(perp)).isEqualByComparingTo("-0.04");
        assertThat(account.position(perp).entryPrice()).isEqualByComparingTo("63000");
        assertThat(account.position(perp).margin()).isEqualByComparingTo("252");

        // buy 0.04 at 62500 closes the short: +252 margin, +20 pnl, pays 1.375
        account.apply(BYBIT_PERP, BUY, dec("0.04"), dec("62500.0"), dec("1.375"));
        // 10000 + pnl (100 + 20) - fees (3.41 + 1.386 + 3.465 + 1.375)
        assertThat(account.free("USDT")).isEqualByComparingTo("10110.364");
        assertThat(account.positions()).isEmpty();
        assertThat(account.position(perp)).isNull();
    }

    @Test
    void aFullCloseReleasesExactlyWhatIsLeftSoRoundedProRataReleasesLoseNothing() {
        PaperAccount account = account(Venue.BYBIT, Map.of("USDT", "100"), "1");
        account.apply(BYBIT_PERP, BUY, dec("0.1"), dec("100.0"), BigDecimal.ZERO);
        account.apply(BYBIT_PERP, BUY, dec("0.2"), dec("101.0"), BigDecimal.ZERO);
        assertThat(account.position(BYBIT_PERP.id()).cost()).isEqualByComparingTo("30.2");

        account.apply(BYBIT_PERP, SELL, dec("0.1"), dec("102.0"), BigDecimal.ZERO); // a third of 30.2 does not terminate
        account.apply(BYBIT_PERP, SELL, dec("0.2"), dec("102.0"), BigDecimal.ZERO);

        // 0.3 × 102 - 30.2 = 0.4, to the last digit
        assertThat(account.free("USDT")).isEqualByComparingTo("100.4");
        assertThat(account.positions()).isEmpty();
    }

    @Test
    void inverseContractsAreRefused() {
        PaperAccount account = account(Venue.BYBIT, Map.of("BTC", "1"), "1");

        assertThatThrownBy(() -> account.apply(BYBIT_INVERSE, BUY, dec("100"), dec("62000.0"), BigDecimal.ZERO))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("inverse");
        assertThat(account.balances()).isEqualTo(Map.of("BTC", dec("1")));
    }

    @Test
    void theViewsAreCopies() {
        PaperAccount account = account(Venue.BYBIT, Map.of("USDT", "10000"), "1");
        account.apply(BYBIT_PERP, BUY, dec("0.1"), dec("62000.0"), BigDecimal.ZERO);

        account.balances().put("USDT", dec("1000000"));
        account.positions().clear();

        assertThat(account.free("USDT")).isEqualByComparingTo("3800");
        assertThat(account.positions()).containsOnlyKeys(BYBIT_PERP.id());
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> account(Venue.BINANCE, Map.of("USDT", "-1"), "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("startingBalances.USDT must be zero or positive, was -1");
        assertThatThrownBy(() -> account(Venue.BINANCE, Map.of(), "0"))
                .hasMessage("perpMarginRate must be in (0, 1], was 0");
        assertThatThrownBy(() -> account(Venue.BYBIT, Map.of(), "1")
                .apply(BINANCE_SPOT, BUY, dec("1"), dec("1"), BigDecimal.ZERO))
                .hasMessage("instrument binance:spot:BTCUSDT is not on bybit");
    }
}
