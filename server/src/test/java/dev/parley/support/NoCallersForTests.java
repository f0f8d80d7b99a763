package dev.parley.support;

import dev.parley.platform.Caller;
import dev.parley.platform.CallerResolver;
import java.util.Optional;

/**
 * Test-only (test sources, never shipped): the caller resolver of a module slice ({@code @ApplicationModuleTest})
 * that serves no requests. Platform's authentication filter needs a {@link CallerResolver}, which tenancy implements;
 * a slice without tenancy gets this one, which knows no key, so a request that reached it would be refused.
 */
public final class NoCallersForTests implements CallerResolver {

    @Override
    public Optional<Caller> resolve(String token, String domain, String origin) {
        return Optional.empty();
    }

    @Override
    public boolean stillValid(Caller caller) {
        return false;
    }
}
