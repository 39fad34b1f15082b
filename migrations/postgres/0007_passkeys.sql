-- Passkeys: a keyed hash of each credential's id, so one credential can belong to one
-- account only (a credential id copied from another account's registration is refused).
-- Other methods leave it empty.
ALTER TABLE methods ADD COLUMN credential TEXT;
CREATE UNIQUE INDEX methods_credential ON methods (credential);
