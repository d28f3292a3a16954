-- Risk engine: the limits an admin has set, the audit log of every change to them, the platform's
-- trading state and every alert the engine raised. A limit the admin never set has no row: its value
-- is the configured default. Limit values are TEXT holding the server's serialisation (an exact
-- decimal as BigDecimal.toPlainString(), an integer or a duration), so neither database rounds or
-- reinterprets them. updated_by and changed_by are the username as it was then: the audit trail
-- outlives deleted users. There are no foreign keys: the audit log keeps limits no longer set.

CREATE TABLE risk_limits (
    name       VARCHAR(64) NOT NULL PRIMARY KEY,
    value      TEXT        NOT NULL,
    updated_by VARCHAR(64) NOT NULL,
    updated_at BIGINT      NOT NULL
);

-- One row per changed limit per change, written in the same transaction as the new value; id is a
-- UUID from the application. old_value is the value in effect before (the configured default when
-- the limit was not set), null when it is not known.
CREATE TABLE risk_limit_changes (
    id         VARCHAR(36) NOT NULL PRIMARY KEY,
    name       VARCHAR(64) NOT NULL,
    old_value  TEXT,
    new_value  TEXT        NOT NULL,
    changed_by VARCHAR(64) NOT NULL,
    changed_at BIGINT      NOT NULL
);
CREATE INDEX risk_limit_changes_changed_at ON risk_limit_changes (changed_at);

-- At most one row, the latest change of state; no row means it was never changed (ACTIVE).
CREATE TABLE risk_state (
    id         INTEGER     NOT NULL PRIMARY KEY CHECK (id = 1),
    state      VARCHAR(16) NOT NULL CHECK (state IN ('ACTIVE', 'REDUCING', 'HALTED')),
    reason     TEXT,
    changed_by VARCHAR(64) NOT NULL,
    changed_at BIGINT      NOT NULL
);

-- Every alert, under the caller's id (a retried batch adds nothing twice); pruned by age
-- (deleteOlderThan) and read newest first. pair_id and venue are null for alerts of no pair or venue.
CREATE TABLE risk_alerts (
    id       VARCHAR(64) NOT NULL PRIMARY KEY,
    severity VARCHAR(16) NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    code     VARCHAR(64) NOT NULL,
    rule     VARCHAR(64),
    message  TEXT        NOT NULL,
    pair_id  VARCHAR(64),
    venue    VARCHAR(32),
    ts       BIGINT      NOT NULL
);
CREATE INDEX risk_alerts_ts ON risk_alerts (ts);
