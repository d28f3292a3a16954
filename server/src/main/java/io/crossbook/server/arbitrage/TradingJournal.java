package io.crossbook.server.arbitrage;

import io.crossbook.store.risk.AlertRepository;
import io.crossbook.store.risk.StoredAlert;
import io.crossbook.store.trading.ExecutionRepository;
import io.crossbook.store.trading.OpportunityRepository;
import io.crossbook.store.trading.StoredExecution;
import io.crossbook.store.trading.StoredOpportunity;
import io.crossbook.store.trading.StoredOrder;
import io.crossbook.store.twap.StoredTwapPlan;
import io.crossbook.store.twap.StoredTwapSlice;
import io.crossbook.store.twap.TwapRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's asynchronous persistence writer: the engine hands it rows without ever waiting,
 * and its own thread writes them in batches, each batch of executions and orders in one
 * transaction (and of plans and slices in another), in the order they came. A write that fails is
 * retried with the next batch; rows that do not fit the queue are counted and logged, never block
 * trading. A plan's slice is written ahead of its orders: {@link #twapDurable} calls back once the
 * batch holding it is committed, and only then is the slice sent.
 */
public final class TradingJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TradingJournal.class);
    private static final int CAPACITY = 100_000;
    private static final int BATCH = 500;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final ExecutionRepository executions;
    private final OpportunityRepository opportunities;
    private final AlertRepository alerts;
    private final TwapRepository twap;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    /** A plan's row and maybe a slice's; {@code written} runs once they are committed (null: no one waits). */
    private record TwapRows(StoredTwapPlan plan, StoredTwapSlice slice, Runnable written) {
    }

    TradingJournal(ExecutionRepository executions, OpportunityRepository opportunities, AlertRepository alerts,
                   TwapRepository twap) {
        this.executions = executions;
        this.opportunities = opportunities;
        this.alerts = alerts;
        this.twap = twap;
        this.thread = Thread.ofPlatform().name("trading-journal").daemon().start(this::run);
    }

    void order(StoredOrder order) {
        offer(order);
    }

    void execution(StoredExecution execution) {
        offer(execution);
    }

    void opportunity(StoredOpportunity opportunity) {
        offer(opportunity);
    }

    void alert(StoredAlert alert) {
        offer(alert);
    }

    /** A plan's new state, and the slice it changed with (or null). */
    public void twap(StoredTwapPlan plan, StoredTwapSlice slice) {
        offer(new TwapRows(plan, slice, null));
    }

    /**
     * Writes the plan and the slice, then runs {@code written} on the journal's thread; or, if the
     * queue has no room, runs {@code refused} at once with why.
     */
    public void twapDurable(StoredTwapPlan plan, StoredTwapSlice slice, Runnable written, Consumer<String> refused) {
        if (!queue.offer(new TwapRows(plan, slice, written))) {
            refused.accept("the trading journal is full (" + CAPACITY + " rows waiting): the database is not keeping up");
        }
    }

    /** Rows written so far. */
    long written() {
        return written.get();
    }

    /** Rows lost because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    /** Rows waiting to be written. */
    int backlog() {
        return queue.size();
    }

    private void offer(Object row) {
        if (!queue.offer(row)) {
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 1_000 == 0) {
                LOG.error("trading journal full ({} rows waiting): {} rows not persisted", CAPACITY, n);
            }
        }
    }

    private void run() {
        List<Object> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Object first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

    /** Writes a batch, retrying every second while the database refuses it. */
    private void write(List<Object> batch) throws InterruptedException {
        List<StoredExecution> execs = new ArrayList<>();
        List<StoredOrder> orders = new ArrayList<>();
        List<StoredOpportunity> opps = new ArrayList<>();
        List<StoredAlert> alertRows = new ArrayList<>();
        List<StoredTwapPlan> plans = new ArrayList<>();
        List<StoredTwapSlice> slices = new ArrayList<>();
        List<Runnable> written = new ArrayList<>();
        for (Object row : batch) {
            switch (row) {
                case StoredExecution e -> execs.add(e);
                case StoredOrder o -> orders.add(o);
                case StoredOpportunity o -> opps.add(o);
                case StoredAlert a -> alertRows.add(a);
                case TwapRows t -> {
                    plans.add(t.plan());
                    if (t.slice() != null) {
                        slices.add(t.slice());
                    }
                    if (t.written() != null) {
                        written.add(t.written());
                    }
                }
                default -> throw new IllegalStateException("not a journal row: " + row);
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                if (!execs.isEmpty() || !orders.isEmpty()) {
                    executions.saveAll(execs, orders);
                }
                if (!opps.isEmpty()) {
                    opportunities.insertAll(opps);
                }
                if (!alertRows.isEmpty()) {
                    alerts.insertAll(alertRows);
                }
                if (!plans.isEmpty()) {
                    twap.saveAll(plans, slices);
                }
                this.written.addAndGet(batch.size());
                written.forEach(Runnable::run);
                return;
            } catch (RuntimeException e) {
                if (attempt == 1 || attempt % 60 == 0) {
                    LOG.error("trading journal: cannot write {} rows (attempt {}), retrying", batch.size(), attempt, e);
                }
                if (!running) {
                    return;
                }
                Thread.sleep(1_000);
            }
        }
    }

    /** Writes what is queued (for at most 5 s) and stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
