package dev.parley.tenancy.internal;

import dev.parley.platform.Caller;
import dev.parley.platform.PageQuery;
import dev.parley.platform.Scope;
import dev.parley.tenancy.ApiKeyAdmin;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

@Component
class ConsoleApiKeys implements ApiKeyAdmin {

    private final ApiKeys keys;

    ConsoleApiKeys(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public IssuedKey issue(Caller caller, String name, String type, String mode) {
        caller.require(Scope.KEYS_WRITE);
        ApiKeys.Issued issued = keys.issueFor(caller, type, mode, name == null || name.isBlank() ? null : name, null);
        return new IssuedKey(summary(issued.key()), issued.secret());
    }

    @Override
    public List<KeySummary> list(Caller caller) {
        caller.require(Scope.KEYS_WRITE);
        return keys.list(caller, true, new PageQuery(1, PageQuery.MAX_PER_PAGE)).data().stream()
                .map(ConsoleApiKeys::summary)
                .toList();
    }

    @Override
    public KeySummary revoke(Caller caller, String keyId) {
        caller.require(Scope.KEYS_WRITE);
        return summary(keys.revoke(caller, keyId));
    }

    private static KeySummary summary(ApiKey key) {
        return new KeySummary(
                key.id(),
                key.name(),
                key.kind().name().toLowerCase(Locale.ROOT),
                key.mode().wire(),
                key.masked(),
                key.scopes().stream().map(Scope::value).sorted().toList(),
                key.revoked(),
                key.createdAt());
    }
}
