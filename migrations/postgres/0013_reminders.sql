-- Expiry reminders and registration campaigns (flow/reminders.rs). A row is written BEFORE
-- its mail is sent; the primary key makes a second replica's (or a restarted pass's) insert
-- of the same reminder fail, so each goes once. A mail that could not be sent has its row
-- deleted, and the next pass tries again.

-- One reminder per account, per password (the time it was set), per threshold in days.
CREATE TABLE reminders_sent (
    user_id     TEXT    NOT NULL,
    changed_at  BIGINT  NOT NULL,
    days_before INTEGER NOT NULL,
    sent_at     BIGINT  NOT NULL,
    PRIMARY KEY (user_id, changed_at, days_before)
);
CREATE INDEX reminders_sent_at ON reminders_sent (sent_at);

-- The n-th registration nudge to an account.
CREATE TABLE campaign_mails (
    user_id TEXT    NOT NULL,
    nth     INTEGER NOT NULL,
    sent_at BIGINT  NOT NULL,
    PRIMARY KEY (user_id, nth)
);
CREATE INDEX campaign_mails_at ON campaign_mails (sent_at);

-- Registration coverage as each day's last pass found it, for the campaign's chart.
CREATE TABLE coverage_days (
    day      BIGINT PRIMARY KEY,
    in_scope BIGINT NOT NULL,
    enough   BIGINT NOT NULL
);

-- Who runs the scheduler's pass: one replica at a time, until expires_at.
CREATE TABLE scheduler_leases (
    name       TEXT   PRIMARY KEY,
    holder     TEXT   NOT NULL,
    expires_at BIGINT NOT NULL
);
