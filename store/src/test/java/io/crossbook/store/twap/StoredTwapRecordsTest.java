package io.crossbook.store.twap;

import static io.crossbook.store.twap.TwapRows.inState;
import static io.crossbook.store.twap.TwapRows.pending;
import static io.crossbook.store.twap.TwapRows.sending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class StoredTwapRecordsTest {

    @Test
    void aPlanIsInOneOfTheSixStates() {
        StoredTwapPlan plan = pending("twap_1", 1_000);
        for (String state : new String[] {StoredTwapPlan.PENDING, StoredTwapPlan.RUNNING, StoredTwapPlan.PAUSED,
                StoredTwapPlan.COMPLETED, StoredTwapPlan.CANCELLED, StoredTwapPlan.FAILED}) {
            assertThat(inState(plan, state).state()).isEqualTo(state);
        }
        assertThatThrownBy(() -> inState(plan, "bogus"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bogus");
        assertThatThrownBy(() -> inState(plan, null)).isInstanceOf(NullPointerException.class);
        assertThat(StoredTwapPlan.UNFINISHED)
                .containsExactlyInAnyOrder(StoredTwapPlan.PENDING, StoredTwapPlan.RUNNING, StoredTwapPlan.PAUSED);
    }

    @Test
    void aPlanHasItsRequiredColumns() {
        assertThatThrownBy(() -> new StoredTwapPlan("twap_1", null, "[]", BigDecimal.ONE, BigDecimal.ONE, 1_000, null,
                StoredTwapPlan.PENDING, null, BigDecimal.ZERO, 0, 1, 0, null, 1, null, null, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> new StoredTwapPlan("twap_1", "p", "[]", BigDecimal.ONE, BigDecimal.ONE, 1_000, null,
                StoredTwapPlan.PENDING, null, null, 0, 1, 0, null, 1, null, null, 1))
                .isInstanceOf(NullPointerException.class).hasMessage("executedQty");
    }

    @Test
    void aSliceIsNumberedFromOneAndSendingOrDone() {
        StoredTwapSlice slice = sending("twap_1", 1, 1_000);
        assertThatThrownBy(() -> sending("twap_1", 0, 1_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sliceNo");
        assertThatThrownBy(() -> new StoredTwapSlice("twap_1", 1, "x-1", slice.qty(), "filled", null,
                slice.executedQty(), null, null, "[]", null, 1_000, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("filled");
        assertThatThrownBy(() -> new StoredTwapSlice("twap_1", 1, null, slice.qty(), StoredTwapSlice.DONE, null,
                slice.executedQty(), null, null, "[]", null, 1_000, null))
                .isInstanceOf(NullPointerException.class).hasMessage("executionId");
    }
}
