package dev.parley.tenancy;

import dev.parley.platform.Caller;
import java.time.Instant;

/**
 * Console sign-in for the web console: the same console tokens ({@code ct_...}) that {@code POST /v1/auth/login}
 * issues, resolved to a {@link Caller} by the platform's {@link dev.parley.platform.CallerResolver}.
 */
public interface ConsoleAccounts {

    record Session(String token, Instant expiresAt, Agent agent) {}

    /**
     * @throws dev.parley.platform.ApiException {@code invalid_credentials}, or {@code rate_limited} while locked out
     */
    Session signIn(String email, String password);

    /** Ends the caller's console session and sets them offline. */
    void signOut(Caller caller);

    /** Sets the signed-in agent's presence: {@code online}, {@code away} or {@code offline}. */
    Agent presence(Caller caller, String status);
}
