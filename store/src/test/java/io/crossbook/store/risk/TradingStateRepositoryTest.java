package io.crossbook.store.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.store.testing.EachDatabase;
import io.crossbook.store.testing.TestDatabase;
import org.springframework.dao.DataAccessException;

class TradingStateRepositoryTest {

    @EachDatabase
    void aStateNeverChangedIsAbsent(TestDatabase db) {
        assertThat(new TradingStateRepository(db.jdbc()).load()).isEmpty();
    }

    @EachDatabase
    void loadsTheLatestStateSaved(TestDatabase db) {
        TradingStateRepository states = new TradingStateRepository(db.jdbc());
        StoredTradingState halted = new StoredTradingState(StoredTradingState.HALTED, "daily loss limit reached",
                "risk-engine", 1_000);
        states.save(halted);
        assertThat(states.load()).contains(halted);

        StoredTradingState active = new StoredTradingState(StoredTradingState.ACTIVE, null, "alice", 2_000);
        states.save(active);

        assertThat(states.load()).contains(active);
        assertThat(db.jdbc().sql("SELECT COUNT(*) FROM risk_state").query(Long.class).single()).isOne();
    }

    @EachDatabase
    void refusesAnUnknownState(TestDatabase db) {
        TradingStateRepository states = new TradingStateRepository(db.jdbc());
        StoredTradingState reducing = new StoredTradingState(StoredTradingState.REDUCING, "margin", "alice", 1_000);
        states.save(reducing);

        assertThatThrownBy(() -> states.save(new StoredTradingState("PAUSED", null, "alice", 2_000)))
                .isInstanceOf(DataAccessException.class);

        assertThat(states.load()).contains(reducing);
    }
}
