-- "This wasn't me": one-time links in account notices (keyed hashes only), and the accounts
-- whose self-service was blocked by their owner until an admin lifts the block.
CREATE TABLE disown_tokens (
    token_hash BLOB    PRIMARY KEY,
    user_id    TEXT    NOT NULL,
    login      TEXT    NOT NULL,
    event      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);

CREATE TABLE self_service_blocks (
    user_id    TEXT    PRIMARY KEY,
    login      TEXT    NOT NULL,
    reason     TEXT    NOT NULL,
    blocked_at INTEGER NOT NULL
);
