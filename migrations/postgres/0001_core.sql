-- Core tables: registered methods, attempts, one-time codes, audit events.
-- Times are unix seconds (BIGINT). Ids are UUID v4 strings. Nothing here ever holds a
-- password, a plaintext code or a plaintext TOTP seed: `sealed` is encrypted by the caller,
-- `hash` is a keyed hash.

CREATE TABLE methods (
    id             TEXT    PRIMARY KEY,
    user_id        TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    label          TEXT    NOT NULL,
    sealed         BYTEA   NOT NULL,
    created_at     BIGINT  NOT NULL,
    last_used_at   BIGINT,
    totp_last_step BIGINT
);
CREATE INDEX methods_user_id ON methods (user_id);

CREATE TABLE attempts (
    id           TEXT     PRIMARY KEY,
    flow         TEXT     NOT NULL,
    user_id      TEXT,
    created_at   BIGINT   NOT NULL,
    expires_at   BIGINT   NOT NULL,
    wrong_tries  INTEGER  NOT NULL DEFAULT 0,
    voided       BOOLEAN  NOT NULL DEFAULT FALSE,
    completed_at BIGINT
);
CREATE INDEX attempts_expires_at ON attempts (expires_at);

CREATE TABLE codes (
    attempt_id TEXT   NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
    channel    TEXT   NOT NULL,
    hash       BYTEA  NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT,
    PRIMARY KEY (attempt_id, channel)
);

-- Append-only. prev_hash/hash are reserved for the hash chain a later migration fills in.
CREATE TABLE audit_events (
    id         BIGSERIAL PRIMARY KEY,
    at         BIGINT    NOT NULL,
    event      TEXT      NOT NULL,
    flow       TEXT,
    user_id    TEXT,
    login      TEXT,
    outcome    TEXT      NOT NULL,
    reason     TEXT,
    method     TEXT,
    source_ip  TEXT,
    user_agent TEXT,
    request_id TEXT,
    prev_hash  BYTEA,
    hash       BYTEA
);
CREATE INDEX audit_events_at ON audit_events (at);
