-- Webhooks and SIEM export (flow/webhooks.rs, flow/siem.rs).
-- A cursor per consumer of the audit trail: the last audit record it has handed on. The
-- webhook queue's cursor moves in the same transaction as the deliveries it enqueues; a SIEM
-- sink's cursor moves after its records were sent, by the replica holding its lease.
CREATE TABLE export_cursors (
    name        TEXT    PRIMARY KEY,
    last_id     BIGINT  NOT NULL,
    lease_owner TEXT,
    lease_until BIGINT  NOT NULL DEFAULT 0
);

-- One POST of one account event to one endpoint. state: pending, delivered or dead. A replica
-- claims a due row by setting lease_until; the body carries no password, code or token, and
-- mac (from the master key) binds it to its endpoint and audit record.
CREATE TABLE webhook_deliveries (
    id          BIGSERIAL PRIMARY KEY,
    endpoint    TEXT    NOT NULL,
    audit_id    BIGINT  NOT NULL,
    event       TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    mac         BYTEA   NOT NULL,
    state       TEXT    NOT NULL DEFAULT 'pending',
    attempts    BIGINT  NOT NULL DEFAULT 0,
    next_at     BIGINT  NOT NULL,
    lease_until BIGINT  NOT NULL DEFAULT 0,
    last_error  TEXT,
    created_at  BIGINT  NOT NULL,
    done_at     BIGINT,
    UNIQUE (endpoint, audit_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_at);
