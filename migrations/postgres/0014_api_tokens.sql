-- API tokens (`rekey api-token create`): only the token's keyed hash is kept, never the token.
-- scopes is a space-separated list (registration, status, audit, helpdesk). Each row carries a
-- MAC from the master key over every field that decides access, revoked_at included
-- (flow/api/tokens.rs): a row written or changed without the key is refused.
CREATE TABLE api_tokens (
    id         TEXT    PRIMARY KEY,
    name       TEXT    NOT NULL,
    token_hash BYTEA   NOT NULL UNIQUE,
    scopes     TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL,
    revoked_at BIGINT,
    last_used  BIGINT,
    mac        BYTEA   NOT NULL
);
