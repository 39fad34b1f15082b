-- Admin reports: audit search by person, and registration coverage by account.
CREATE INDEX audit_events_login ON audit_events (login, at);
CREATE INDEX audit_events_user_id ON audit_events (user_id, at);
CREATE INDEX audit_events_event ON audit_events (event, at);
