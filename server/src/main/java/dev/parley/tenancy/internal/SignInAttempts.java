package dev.parley.tenancy.internal;

import dev.parley.platform.Digests;
import dev.parley.platform.Sql;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Console sign-in attempts per email, for known and unknown emails alike (kept only as a hash). Each password check
 * is claimed first by one conditional update, so however many requests arrive at once, no more than the limit are
 * checked before the email locks; every node shares the count.
 */
@Repository
class SignInAttempts {

    private final JdbcClient jdbc;

    SignInAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims one password check for the email. The claim that reaches {@code limit} locks the email until
     * {@code lockUntil}, unless a success clears it first.
     *
     * @return empty when the check may go ahead, else when the email unlocks
     */
    Optional<Instant> claim(String email, int limit, Instant now, Instant lockUntil) {
        String key = key(email);
        ensureRow(key, now);
        jdbc.sql(
                        "UPDATE sign_in_attempts SET attempts = 0, locked_until = NULL WHERE email_hash = ? AND locked_until <= ?")
                .params(key, Sql.timestamp(now))
                .update();
        int claimed = jdbc.sql("""
                        UPDATE sign_in_attempts
                           SET attempts = attempts + 1,
                               locked_until = CASE WHEN attempts + 1 >= ? THEN ? ELSE NULL END,
                               updated_at = ?
                         WHERE email_hash = ? AND locked_until IS NULL AND attempts < ?""")
                .params(limit, Sql.timestamp(lockUntil), Sql.timestamp(now), key, limit)
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT locked_until FROM sign_in_attempts WHERE email_hash = ?")
                .param(key)
                .query((rs, i) -> Sql.instant(rs, "locked_until"))
                .optional()
                .filter(until -> until != null && until.isAfter(now))
                .orElse(lockUntil));
    }

    /** A correct password: the count starts again. */
    void succeeded(String email) {
        jdbc.sql("DELETE FROM sign_in_attempts WHERE email_hash = ?")
                .param(key(email))
                .update();
    }

    private void ensureRow(String key, Instant now) {
        try {
            jdbc.sql("""
                            INSERT INTO sign_in_attempts (email_hash, attempts, updated_at)
                            SELECT ?, 0, ? WHERE NOT EXISTS (SELECT 1 FROM sign_in_attempts WHERE email_hash = ?)""").params(key, Sql.timestamp(now), key).update();
        } catch (DuplicateKeyException raced) {
            // another attempt made the row a moment ago
        }
    }

    private static String key(String email) {
        return Digests.sha256Hex("sign-in:" + email);
    }
}
