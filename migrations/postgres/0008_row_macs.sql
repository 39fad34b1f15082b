-- The database is not trusted: attempts and registered methods carry a MAC made with a key
-- derived from the master key and bound to the row's id and purpose (src/flow/rows.rs). A row
-- whose MAC does not match is treated as absent and audited as tampering.
ALTER TABLE attempts ADD COLUMN mac BYTEA;
ALTER TABLE methods ADD COLUMN mac BYTEA;

-- Methods from earlier versions get their MAC from the process that applies this migration
-- (`rekey serve` or `rekey migrate`), once, and only those whose sealed value opens for their
-- own account and kind. Attempts and sessions of earlier
-- versions last minutes and carry no MAC or seal: they are dropped, and whoever was in the
-- middle of a flow at the upgrade starts it again. The session table is tower-sessions' own;
-- it is created here exactly as tower-sessions creates it, so a new database works too.
DELETE FROM codes;
DELETE FROM attempts;
CREATE SCHEMA IF NOT EXISTS "tower_sessions";
CREATE TABLE IF NOT EXISTS "tower_sessions"."session"
(
    id text primary key not null,
    data bytea not null,
    expiry_date timestamptz not null
);
DELETE FROM "tower_sessions"."session";
