-- The daily pause of reset is counted per account and source address under one keyed hash
-- (flow/limits.rs::hit_start), so nothing could find it by account. Its counters now carry
-- the account's part beside the key (another keyed hash), so the helpdesk can show the pause
-- and lift it (flow/limits.rs::daily_pause, lift_daily_pause).
ALTER TABLE rate_counters ADD COLUMN account BYTEA;
CREATE INDEX rate_counters_account ON rate_counters (scope, account);

-- When a helpdesk member last cleared a person's methods, written in the same transaction as
-- the clear: the cooling-off of a method registered afterwards does not depend on the audit
-- record (flow/protection.rs::recovery_methods).
CREATE TABLE methods_cleared (
    user_id    TEXT   PRIMARY KEY,
    cleared_at BIGINT NOT NULL
);

-- Confirmation links a helpdesk member mailed a person (keyed hashes only): the person opens
-- one on their own device and confirms with a registered passkey, which verifies the caller
-- for that member and that person only (flow/helpdesk/confirm.rs). Single use: confirmed_at
-- or ended_at is set once, in one statement. Each row carries a MAC from the master key.
CREATE TABLE helpdesk_confirmations (
    token_hash   BYTEA PRIMARY KEY,
    member_id    TEXT NOT NULL,
    member_login TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    login        TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    confirmed_at BIGINT,
    ended_at     BIGINT,
    mac          BYTEA NOT NULL
);
CREATE INDEX helpdesk_confirmations_pair ON helpdesk_confirmations (member_id, user_id);
