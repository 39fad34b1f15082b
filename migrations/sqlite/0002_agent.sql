-- The writeback agent: enrolment tokens, enrolled agents, the job queue and seen nonces.
-- No password is ever stored: a job's request is sealed to each agent's X25519 key
-- (agent_job_boxes) and its outcome holds only directory answers. Tokens are keyed hashes.

CREATE TABLE agent_tokens (
    token_hash BLOB    PRIMARY KEY,
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER,
    agent_id   TEXT
);

CREATE TABLE agents (
    id               TEXT    PRIMARY KEY,
    name             TEXT    NOT NULL,
    box_key          BLOB    NOT NULL,
    sign_key         BLOB    NOT NULL,
    version          TEXT    NOT NULL DEFAULT '',
    hostname         TEXT    NOT NULL DEFAULT '',
    enrolled_at      INTEGER NOT NULL,
    last_seen        INTEGER,
    directory_ok     BOOLEAN,
    stopping         BOOLEAN NOT NULL DEFAULT 0,
    jobs_done        INTEGER NOT NULL DEFAULT 0,
    jobs_failed      INTEGER NOT NULL DEFAULT 0,
    rotate_requested BOOLEAN NOT NULL DEFAULT 0,
    keys_rotated_at  INTEGER,
    revoked_at       INTEGER
);

CREATE TABLE agent_jobs (
    id            TEXT    PRIMARY KEY,
    op            TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    deadline      INTEGER NOT NULL,
    agent_id      TEXT,
    lease_id      TEXT,
    lease_expires INTEGER,
    finished_at   INTEGER,
    outcome       TEXT
);
CREATE INDEX agent_jobs_status ON agent_jobs (status, created_at);

CREATE TABLE agent_job_boxes (
    job_id   TEXT NOT NULL REFERENCES agent_jobs (id) ON DELETE CASCADE,
    agent_id TEXT NOT NULL,
    sealed   BLOB NOT NULL,
    PRIMARY KEY (job_id, agent_id)
);

CREATE TABLE agent_nonces (
    nonce   TEXT    PRIMARY KEY,
    seen_at INTEGER NOT NULL
);
CREATE INDEX agent_nonces_seen_at ON agent_nonces (seen_at);
