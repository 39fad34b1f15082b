-- The audit trail's indexes, each one for a query that uses it (store/reports.rs,
-- store/helpdesk.rs). Every audit record writes every index, so one that no query reads is
-- paid for on every request.
-- The admin search matches a person by LOWER(login) or user_id: an index on login itself
-- cannot serve LOWER(login), so that search read the whole trail. It now reads this index and
-- audit_events_user (user_id, id), which also serves every other query by account, so
-- (user_id, at) goes.
DROP INDEX audit_events_login;
DROP INDEX audit_events_user_id;
CREATE INDEX audit_events_login_lower ON audit_events (LOWER(login), id);
