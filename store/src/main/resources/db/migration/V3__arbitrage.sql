-- Cross-exchange arbitrage: the monitored pairs, the opportunities seen, the executions run and
-- every order sent. Exact decimals (prices, quantities, P&L, fees) are TEXT holding
-- BigDecimal.toPlainString(), so neither database rounds them; DOUBLE PRECISION is only for display
-- figures. enabled is BOOLEAN: SQLite keeps 0/1 and both drivers read and write it as a boolean.
-- There are no foreign keys between these tables: history outlives a deleted pair, and the
-- asynchronous writer must never lose a batch because rows reached it in another order.

CREATE TABLE arb_pairs (
    id            VARCHAR(64) NOT NULL PRIMARY KEY,
    leg1_exchange VARCHAR(32) NOT NULL,
    leg1_symbol   VARCHAR(64) NOT NULL,
    leg1_type     VARCHAR(32) NOT NULL,
    leg2_exchange VARCHAR(32) NOT NULL,
    leg2_symbol   VARCHAR(64) NOT NULL,
    leg2_type     VARCHAR(32) NOT NULL,
    threshold     TEXT        NOT NULL,
    qty           TEXT        NOT NULL,
    total_amount  TEXT        NOT NULL,
    direction     VARCHAR(32) NOT NULL,
    enabled       BOOLEAN     NOT NULL,
    created_at    BIGINT      NOT NULL,
    updated_at    BIGINT      NOT NULL
);

-- Many rows a day: pruned by age (deleteOlderThan), read newest first, per pair or across all.
CREATE TABLE arb_opportunities (
    id                 VARCHAR(64)      NOT NULL PRIMARY KEY,
    pair_id            VARCHAR(64)      NOT NULL,
    direction          VARCHAR(32)      NOT NULL,
    spread             DOUBLE PRECISION NOT NULL,
    spread_percent     DOUBLE PRECISION NOT NULL,
    net_spread_percent DOUBLE PRECISION NOT NULL,
    leg1_price         DOUBLE PRECISION NOT NULL,
    leg2_price         DOUBLE PRECISION NOT NULL,
    qty                TEXT             NOT NULL,
    ts                 BIGINT           NOT NULL
);
CREATE INDEX arb_opportunities_pair_ts ON arb_opportunities (pair_id, ts);
CREATE INDEX arb_opportunities_ts ON arb_opportunities (ts);

-- One row per execution, rewritten on every state change; finished_ts is null until it is over.
-- pair_id is null for executions of no pair (TWAP slices). legs_json is the server's serialisation.
CREATE TABLE arb_executions (
    id             VARCHAR(64)      NOT NULL PRIMARY KEY,
    pair_id        VARCHAR(64),
    kind           VARCHAR(32)      NOT NULL,
    state          VARCHAR(32)      NOT NULL,
    outcome        VARCHAR(32),
    direction      VARCHAR(32),
    qty            TEXT             NOT NULL,
    spread         TEXT,
    spread_percent DOUBLE PRECISION,
    pnl            TEXT,
    fees           TEXT,
    legs_json      TEXT             NOT NULL,
    detail         TEXT,
    started_ts     BIGINT           NOT NULL,
    finished_ts    BIGINT
);
CREATE INDEX arb_executions_pair_started ON arb_executions (pair_id, started_ts);
CREATE INDEX arb_executions_started ON arb_executions (started_ts);
-- What a restart resumes or reconciles: small, so only those rows are indexed.
CREATE INDEX arb_executions_unfinished ON arb_executions (started_ts) WHERE finished_ts IS NULL;

-- Every order Crossbook sends, keyed by its idempotent client order id and rewritten on every
-- transition; execution_id is null for orders of no execution (manual orders).
CREATE TABLE orders (
    client_order_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    execution_id      VARCHAR(64),
    exchange          VARCHAR(32) NOT NULL,
    market            VARCHAR(32) NOT NULL,
    symbol            VARCHAR(64) NOT NULL,
    side              VARCHAR(16) NOT NULL,
    type              VARCHAR(16) NOT NULL,
    time_in_force     VARCHAR(16) NOT NULL,
    qty               TEXT        NOT NULL,
    limit_price       TEXT,
    state             VARCHAR(32) NOT NULL CHECK (state IN
                          ('submitted', 'accepted', 'partially_filled', 'filled', 'cancelled', 'rejected')),
    exchange_order_id VARCHAR(128),
    filled_qty        TEXT        NOT NULL,
    avg_price         TEXT,
    fee               TEXT        NOT NULL,
    fee_asset         VARCHAR(32),
    code              VARCHAR(64),
    message           TEXT,
    created_ts        BIGINT      NOT NULL,
    updated_ts        BIGINT      NOT NULL
);
CREATE INDEX orders_execution_id ON orders (execution_id);
CREATE INDEX orders_state ON orders (state);
