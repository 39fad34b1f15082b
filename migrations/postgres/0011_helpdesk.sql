-- The helpdesk console. A caller verified by a helpdesk member (a code read back, or their
-- authenticator app's code): valid for that one member and that one person until expires_at.
-- Each row carries a MAC from the master key (flow/helpdesk/rows.rs).
CREATE TABLE helpdesk_verifications (
    id          TEXT    PRIMARY KEY,
    member_id   TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    method      TEXT    NOT NULL,
    verified_at BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    mac         BYTEA    NOT NULL
);
CREATE INDEX helpdesk_verifications_pair ON helpdesk_verifications (member_id, user_id);

-- Actions waiting for a second member's approval (four eyes), with the first member's reason.
-- decided_at and approver_id move once, in one statement, and never to the requester.
CREATE TABLE helpdesk_requests (
    id              TEXT    PRIMARY KEY,
    action          TEXT    NOT NULL,
    user_id         TEXT    NOT NULL,
    login           TEXT    NOT NULL,
    requester_id    TEXT    NOT NULL,
    requester_login TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    verified        BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    expires_at      BIGINT NOT NULL,
    decided_at      BIGINT,
    approver_id     TEXT,
    approved        BIGINT,
    mac             BYTEA    NOT NULL
);
CREATE INDEX helpdesk_requests_open ON helpdesk_requests (decided_at, expires_at);

-- Single-use reset links the helpdesk sent to a person's registered address (keyed hashes
-- only). Using one opens the reset at the new-password step.
CREATE TABLE helpdesk_links (
    token_hash BYTEA    PRIMARY KEY,
    user_id    TEXT    NOT NULL,
    login      TEXT    NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT,
    mac        BYTEA    NOT NULL
);

-- The helpdesk reads a person's recent records.
CREATE INDEX audit_events_user ON audit_events (user_id, id);
