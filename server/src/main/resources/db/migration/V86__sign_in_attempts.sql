-- Console sign-in attempts per email, known or not: an unknown email locks exactly as a known one does, so the
-- answers tell nobody which emails have accounts. The email is kept only as its SHA-256. An attempt is claimed
-- before its password is checked, by one conditional update, so concurrent attempts never check more than the limit.

CREATE TABLE sign_in_attempts (
    email_hash    VARCHAR(64)  PRIMARY KEY,
    attempts      INTEGER      NOT NULL,   -- claimed since the last success or lockout
    locked_until  TIMESTAMP WITH TIME ZONE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE agents DROP COLUMN failed_logins;
ALTER TABLE agents DROP COLUMN locked_until;
