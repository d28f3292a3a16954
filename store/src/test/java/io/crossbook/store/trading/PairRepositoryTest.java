package io.crossbook.store.trading;

import static io.crossbook.store.trading.TradingRows.assertExact;
import static io.crossbook.store.trading.TradingRows.pair;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.store.testing.EachDatabase;
import io.crossbook.store.testing.TestDatabase;
import java.math.BigDecimal;

class PairRepositoryTest {

    @EachDatabase
    void findsThePairItStoredWithItsExactDecimals(TestDatabase db) {
        PairRepository pairs = new PairRepository(db.jdbc());
        StoredPair pair = new StoredPair("p1", "bybit", "ETHUSDT", "linear", "okx", "ETH-USD-SWAP", "inverse",
                new BigDecimal("0.0500"), new BigDecimal("123456789012345678901234567890.123456789012345678900"),
                new BigDecimal("0.00000001"), "reverse", false, 1_700_000_000_123L, 1_700_000_000_456L);

        assertThat(pairs.insert(pair)).isTrue();

        StoredPair found = pairs.find("p1").orElseThrow();
        assertThat(found).isEqualTo(pair);
        assertExact(found.threshold(), "0.0500");
        assertExact(found.qty(), "123456789012345678901234567890.123456789012345678900");
        assertExact(found.totalAmount(), "0.00000001");
        assertThat(found.enabled()).isFalse();
        assertThat(pairs.find("p-unknown")).isEmpty();
    }

    @EachDatabase
    void refusesATakenIdAndKeepsTheFirstPair(TestDatabase db) {
        PairRepository pairs = new PairRepository(db.jdbc());
        StoredPair first = pair("p1", 1_000);
        pairs.insert(first);

        StoredPair second = new StoredPair("p1", "okx", "SOL-USDT", "spot", "bybit", "SOLUSDT", "linear",
                BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN, "forward", false, 2_000, 2_000);
        assertThat(pairs.insert(second)).isFalse();

        assertThat(pairs.findAll()).containsExactly(first);
    }

    @EachDatabase
    void listsPairsOldestFirstThenById(TestDatabase db) {
        PairRepository pairs = new PairRepository(db.jdbc());
        pairs.insert(pair("c", 2_000));
        pairs.insert(pair("b", 1_000));
        pairs.insert(pair("a", 2_000));

        assertThat(pairs.findAll()).extracting(StoredPair::id).containsExactly("b", "a", "c");
    }

    @EachDatabase
    void updatingReplacesEverySettingButKeepsWhenThePairWasCreated(TestDatabase db) {
        PairRepository pairs = new PairRepository(db.jdbc());
        pairs.insert(pair("p1", 1_000));
        StoredPair changed = new StoredPair("p1", "bybit", "ETHUSDT", "linear", "binance", "ETHUSD_PERP", "inverse",
                new BigDecimal("0.2500"), new BigDecimal("0.0500"), new BigDecimal("100.000"), "reverse", false,
                9_999, 5_000);

        assertThat(pairs.update(changed)).isTrue();

        assertThat(pairs.find("p1")).contains(new StoredPair("p1", "bybit", "ETHUSDT", "linear", "binance",
                "ETHUSD_PERP", "inverse", new BigDecimal("0.2500"), new BigDecimal("0.0500"),
                new BigDecimal("100.000"), "reverse", false, 1_000, 5_000));
    }

    @EachDatabase
    void updatingAMissingPairChangesNothing(TestDatabase db) {
        PairRepository pairs = new PairRepository(db.jdbc());

        assertThat(pairs.update(pair("p-unknown", 1_000))).isFalse();

        assertThat(pairs.findAll()).isEmpty();
    }

    @EachDatabase
    void deletesOnePairOnce(TestDatabase db) {
        PairRepository pairs = new PairRepository(db.jdbc());
        pairs.insert(pair("p1", 1_000));
        pairs.insert(pair("p2", 1_000));

        assertThat(pairs.delete("p1")).isTrue();
        assertThat(pairs.delete("p1")).isFalse();

        assertThat(pairs.findAll()).extracting(StoredPair::id).containsExactly("p2");
    }
}
