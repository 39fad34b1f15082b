-- Consecutive failed proofs (wrong codes, answers, authenticator codes, refused passkeys) per
-- account, across attempts and days (NIST SP 800-63B 5.2.2). `account` is the directory's
-- stable id of the account, or a keyed hash of the typed login when no account matched, so
-- no typed value is stored. A successful proof sets the streak back to zero; lifting a
-- self-service block forgets it.
CREATE TABLE failed_proofs (
    account    TEXT    PRIMARY KEY,
    streak     BIGINT  NOT NULL,
    updated_at BIGINT  NOT NULL
);
