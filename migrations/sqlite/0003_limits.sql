-- Rate-limit counters, one row per (scope, keyed hash of the address or username, window).
-- The key is an HMAC, so neither addresses nor typed usernames (sometimes a password typed in
-- the wrong field) are stored here.
CREATE TABLE rate_counters (
    scope        TEXT    NOT NULL,
    key          BLOB    NOT NULL,
    window_start INTEGER NOT NULL,
    count        INTEGER NOT NULL,
    PRIMARY KEY (scope, key, window_start)
);
CREATE INDEX rate_counters_window_start ON rate_counters (window_start);
