package io.crossbook.store.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.store.testing.EachDatabase;
import io.crossbook.store.testing.TestDatabase;
import java.util.List;
import org.springframework.dao.DataAccessException;

class AlertRepositoryTest {

    @EachDatabase
    void findsTheAlertsItStoredWithTheirUnknownsStillUnknown(TestDatabase db) {
        AlertRepository alerts = new AlertRepository(db.dataSource());
        StoredAlert ofAPair = new StoredAlert("a1", StoredAlert.WARNING, "RISK_REJECTED", "spread", "book older than 30 s", "p1",
                "binance", 1_700_000_000_123L);
        StoredAlert ofNone = new StoredAlert("a2", StoredAlert.CRITICAL, "KILL_SWITCH", null, "daily loss limit reached", null,
                null, 1_700_000_000_124L);

        alerts.insertAll(List.of(ofAPair, ofNone));

        assertThat(alerts.recent(10, null, null)).containsExactly(ofNone, ofAPair);
    }

    @EachDatabase
    void aDuplicateIdIsStoredOnce(TestDatabase db) {
        AlertRepository alerts = new AlertRepository(db.dataSource());
        StoredAlert first = alert("a", StoredAlert.INFO, "p1", 1_000);
        alerts.insertAll(List.of(first, new StoredAlert("a", StoredAlert.CRITICAL, "other", null, "other", null, null, 5_000)));

        alerts.insertAll(List.of(first, alert("b", StoredAlert.INFO, "p1", 2_000)));

        assertThat(alerts.recent(10, null, null)).extracting(StoredAlert::id).containsExactly("b", "a");
        assertThat(alerts.recent(10, null, null).getLast()).isEqualTo(first);
    }

    @EachDatabase
    void recentIsNewestFirstThenByIdAndLimited(TestDatabase db) {
        AlertRepository alerts = new AlertRepository(db.dataSource());
        alerts.insertAll(List.of(alert("a", StoredAlert.INFO, "p1", 1_000), alert("b", StoredAlert.INFO, "p1", 3_000),
                alert("c", StoredAlert.INFO, "p1", 2_000), alert("d", StoredAlert.INFO, "p1", 3_000)));

        assertThat(alerts.recent(3, null, null)).extracting(StoredAlert::id).containsExactly("d", "b", "c");
        assertThat(alerts.recent(10, null, null)).extracting(StoredAlert::id).containsExactly("d", "b", "c", "a");
    }

    @EachDatabase
    void recentFiltersBySeverityByPairOrBoth(TestDatabase db) {
        AlertRepository alerts = new AlertRepository(db.dataSource());
        alerts.insertAll(List.of(alert("a", StoredAlert.CRITICAL, "p1", 1_000),
                alert("b", StoredAlert.WARNING, "p1", 2_000), alert("c", StoredAlert.CRITICAL, "p2", 3_000),
                alert("d", StoredAlert.CRITICAL, null, 4_000), alert("e", StoredAlert.INFO, "p2", 5_000)));

        assertThat(alerts.recent(10, StoredAlert.CRITICAL, null)).extracting(StoredAlert::id)
                .containsExactly("d", "c", "a");
        assertThat(alerts.recent(10, null, "p1")).extracting(StoredAlert::id).containsExactly("b", "a");
        assertThat(alerts.recent(10, StoredAlert.CRITICAL, "p2")).extracting(StoredAlert::id).containsExactly("c");
        assertThat(alerts.recent(1, StoredAlert.CRITICAL, null)).extracting(StoredAlert::id).containsExactly("d");
        assertThat(alerts.recent(10, StoredAlert.WARNING, "p2")).isEmpty();
    }

    @EachDatabase
    void deletesTheAlertsRaisedBeforeATime(TestDatabase db) {
        AlertRepository alerts = new AlertRepository(db.dataSource());
        alerts.insertAll(List.of(alert("a", StoredAlert.INFO, "p1", 1_000), alert("b", StoredAlert.CRITICAL, null, 1_999),
                alert("c", StoredAlert.INFO, "p1", 2_000)));

        assertThat(alerts.deleteOlderThan(2_000)).isEqualTo(2);
        assertThat(alerts.deleteOlderThan(2_000)).isZero();

        assertThat(alerts.recent(10, null, null)).extracting(StoredAlert::id).containsExactly("c");
    }

    @EachDatabase
    void anUnknownSeverityLeavesTheWholeBatchUnwritten(TestDatabase db) {
        AlertRepository alerts = new AlertRepository(db.dataSource());

        assertThatThrownBy(() -> alerts.insertAll(List.of(alert("a", StoredAlert.INFO, "p1", 1_000),
                alert("b", "fatal", "p1", 2_000))))
                .isInstanceOf(DataAccessException.class);

        assertThat(alerts.recent(10, null, null)).isEmpty();
    }

    @EachDatabase
    void aLimitMustBePositive(TestDatabase db) {
        AlertRepository alerts = new AlertRepository(db.dataSource());

        assertThatThrownBy(() -> alerts.recent(0, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
    }

    private static StoredAlert alert(String id, String severity, String pairId, long ts) {
        return new StoredAlert(id, severity, "CODE_" + id, "rule." + id, "alert " + id, pairId, pairId == null ? null : "okx", ts);
    }
}
