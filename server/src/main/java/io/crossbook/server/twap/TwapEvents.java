package io.crossbook.server.twap;

import io.crossbook.core.engine.EngineAlert;
import io.crossbook.core.exec.ExecutionResult;
import io.crossbook.core.exec.OrderEvent;
import io.crossbook.core.exec.OrderRequest;
import io.crossbook.core.twap.TwapDesk;
import io.crossbook.core.twap.TwapPlan;
import io.crossbook.core.twap.TwapProgress;
import io.crossbook.core.twap.TwapSlice;
import io.crossbook.server.arbitrage.DeskEvents;
import io.crossbook.server.arbitrage.ExecutionView;
import io.crossbook.server.arbitrage.TradingJournal;
import io.crossbook.store.twap.StoredTwapPlan;
import io.crossbook.store.twap.StoredTwapSlice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * What the TWAP desk reports, on the engine thread: every change of a plan stored through the
 * trading journal and published as {@code twap_progress}; a slice about to go written ahead, its
 * orders sent only once the journal has committed it; the slices' orders and the alerts journalled
 * as the arbitrage desk's are.
 */
public final class TwapEvents implements TwapDesk.Events {
    private static final Logger LOG = LoggerFactory.getLogger(TwapEvents.class);

    /** API.md's {@code twap_progress}, with why a plan paused or ended, its skips, and the slice it is about. */
    public record Progress(String planId, BigDecimal executed, BigDecimal remaining, int slicesDone, int slicesTotal,
                           String state, String reason, int skips, String lastSkip, Integer slice, long ts) {
    }

    private final DeskEvents desk;
    private final TradingJournal journal;
    private final Executor engine;
    private final ObjectMapper json;

    /** @param engine posts a task to the engine thread */
    public TwapEvents(DeskEvents desk, TradingJournal journal, Executor engine, ObjectMapper json) {
        this.desk = desk;
        this.journal = journal;
        this.engine = engine;
        this.json = json;
    }

    @Override
    public void progress(TwapPlan plan, TwapProgress progress, TwapSlice slice) {
        journal.twap(row(plan, progress, json), slice == null ? null : row(slice));
        publish(progress, slice);
        if (slice != null && slice.done()) {
            LOG.info("plan {} slice {} {}: {}", plan.id(), slice.number(), slice.result().outcome(), slice.result().detail());
        } else if (slice == null) {
            LOG.info("plan {} {}{} (skipped {}{})", plan.id(), progress.state().id(),
                    progress.reason() == null ? "" : ": " + progress.reason(), progress.skips(),
                    progress.lastSkip() == null ? "" : ", the last: " + progress.lastSkip());
        }
    }

    @Override
    public void sliceStarting(TwapPlan plan, TwapProgress progress, TwapSlice slice, Runnable send,
                              Consumer<String> notStored) {
        journal.twapDurable(row(plan, progress, json), row(slice), () -> engine.execute(send),
                why -> engine.execute(() -> notStored.accept(why)));
        publish(progress, slice);
    }

    @Override
    public void orderSubmitted(String planId, String executionId, OrderRequest order, long ts) {
        desk.submitted(null, planId, executionId, order, ts);
    }

    @Override
    public void orderEvent(String planId, String executionId, OrderRequest order, OrderEvent event) {
        desk.event(null, planId, order, event);
    }

    @Override
    public void alert(EngineAlert alert) {
        desk.alert(alert);
    }

    private void publish(TwapProgress p, TwapSlice slice) {
        desk.publish("twap_progress", new Progress(p.planId(), p.executed(), p.remaining(), p.slicesDone(), p.slicesTotal(),
                p.state().id(), p.reason(), p.skips(), p.lastSkip(), slice == null ? null : slice.number(), p.ts()));
    }

    /**
     * The plan's row as it stands. {@code createdTs} is only written when the row is new, which it
     * never is here (the plan was stored when it was created), so the progress time stands in.
     */
    static StoredTwapPlan row(TwapPlan plan, TwapProgress p, ObjectMapper json) {
        return new StoredTwapPlan(plan.id(), plan.name(), legsJson(plan, json), plan.totalQty(), plan.sliceQty(),
                plan.intervalMs(), plan.maxAdverseSpreadPercent(), p.state().id(), p.reason(), p.executed(), p.slicesDone(),
                p.nextSlice(), p.skips(), p.lastSkip(), p.ts(), p.startedTs(), p.lastExecutionTs(), p.ts());
    }

    static String legsJson(TwapPlan plan, ObjectMapper json) {
        return json.writeValueAsString(plan.legs().stream().map(TwapValidator::view).toList());
    }

    private StoredTwapSlice row(TwapSlice s) {
        ExecutionResult r = s.result();
        if (r == null) {
            return new StoredTwapSlice(s.planId(), s.number(), s.executionId(), s.qty(), StoredTwapSlice.SENDING, null,
                    BigDecimal.ZERO, null, null, "[]", null, s.startedTs(), null);
        }
        List<ExecutionView.Leg> legs = new ArrayList<>();
        legs.add(ExecutionView.leg(r.first()));
        if (r.second() != null) {
            legs.add(ExecutionView.leg(r.second()));
        }
        return new StoredTwapSlice(s.planId(), s.number(), s.executionId(), s.qty(), StoredTwapSlice.DONE,
                r.outcome().name().toLowerCase(Locale.ROOT), r.hedgedBaseQty(), r.fees(),
                r.second() == null ? null : r.pnl(), json.writeValueAsString(legs), r.detail(), s.startedTs(), r.finishedTs());
    }
}
