-- TWAP: the plans (a total quantity sent in slices at a fixed interval) and every slice sent. Exact
-- decimals (quantities, fees, P&L, the spread bound) are TEXT holding BigDecimal.toPlainString(), so
-- neither database rounds them. legs_json is the server's serialisation of the legs. Timestamps are
-- epoch milliseconds. There are no foreign keys: a slice's orders are in orders under its
-- execution_id, and the asynchronous writer must never lose a batch because rows reached it in
-- another order.

-- One row per plan, rewritten on every change of its progress or state. reason says why it paused,
-- failed or was cancelled; next_slice is the number the next slice sent will get, from 1, so a
-- restart never gives two slices one number.
CREATE TABLE twap_plans (
    id                         VARCHAR(64)  NOT NULL PRIMARY KEY,
    name                       VARCHAR(128) NOT NULL,
    legs_json                  TEXT         NOT NULL,
    total_qty                  TEXT         NOT NULL,
    slice_qty                  TEXT         NOT NULL,
    interval_ms                BIGINT       NOT NULL,
    max_adverse_spread_percent TEXT,
    state                      VARCHAR(16)  NOT NULL CHECK (state IN
                                   ('pending', 'running', 'paused', 'completed', 'cancelled', 'failed')),
    reason                     TEXT,
    executed_qty               TEXT         NOT NULL,
    slices_done                INTEGER      NOT NULL,
    next_slice                 INTEGER      NOT NULL,
    skips                      INTEGER      NOT NULL,
    last_skip                  TEXT,
    created_ts                 BIGINT       NOT NULL,
    started_ts                 BIGINT,
    last_execution_ts          BIGINT,
    updated_ts                 BIGINT       NOT NULL
);
-- What a restart resumes: the pending, running and paused plans.
CREATE INDEX twap_plans_state ON twap_plans (state);
CREATE INDEX twap_plans_created ON twap_plans (created_ts);

-- One row per slice sent, rewritten until it is done; outcome and finished_ts are null until then.
-- qty is the base quantity asked. pnl is null for slices of one leg: only two-legged slices realise
-- a P&L. execution_id is the id the slice's orders carry in orders.execution_id: one slice each.
CREATE TABLE twap_slices (
    plan_id      VARCHAR(64) NOT NULL,
    slice_no     INTEGER     NOT NULL,
    execution_id VARCHAR(64) NOT NULL,
    qty          TEXT        NOT NULL,
    state        VARCHAR(16) NOT NULL CHECK (state IN ('sending', 'done')),
    outcome      VARCHAR(32),
    executed_qty TEXT        NOT NULL,
    fees         TEXT,
    pnl          TEXT,
    legs_json    TEXT        NOT NULL,
    detail       TEXT,
    started_ts   BIGINT      NOT NULL,
    finished_ts  BIGINT,
    PRIMARY KEY (plan_id, slice_no)
);
CREATE UNIQUE INDEX twap_slices_execution_id ON twap_slices (execution_id);
-- The realised P&L since a time (pnlSince) reads the slices finished from then.
CREATE INDEX twap_slices_finished ON twap_slices (finished_ts);
