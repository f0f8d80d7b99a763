package dev.parley.tenancy.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.platform.Caller;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * API keys of the caller's workspace: create (the secret is in this response only), list masked, get, revoke. Seed
 * 000's {@code POST /api/auth/generate-key} is the same create.
 */
@RestController
@RequiresScope(Scope.KEYS_WRITE)
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    record CreateKeyRequest(String name, String type, String mode, List<String> scopes) {}

    record KeyResponse(
            String id,
            String name,
            String type,
            String mode,
            @JsonInclude(JsonInclude.Include.NON_NULL) String key,
            String maskedKey,
            List<String> scopes,
            boolean revoked,
            Instant createdAt,
            Instant revokedAt) {

        static KeyResponse of(ApiKey key) {
            return of(key, null);
        }

        static KeyResponse issued(ApiKeys.Issued issued) {
            return of(issued.key(), issued.secret());
        }

        private static KeyResponse of(ApiKey key, String secret) {
            return new KeyResponse(
                    key.id(),
                    key.name(),
                    key.kind().name().toLowerCase(Locale.ROOT),
                    key.mode().wire(),
                    secret,
                    key.masked(),
                    key.scopes().stream().map(Scope::value).sorted().toList(),
                    key.revoked(),
                    key.createdAt(),
                    key.revokedAt());
        }
    }

    @PostMapping({"/v1/api-keys", "/v1/auth/generate-key"})
    @ResponseStatus(HttpStatus.CREATED)
    KeyResponse create(Caller caller, @RequestBody(required = false) CreateKeyRequest request) {
        CreateKeyRequest r = request != null ? request : new CreateKeyRequest(null, null, null, null);
        return KeyResponse.issued(keys.issueFor(caller, r.type(), r.mode(), r.name(), r.scopes()));
    }

    @GetMapping("/v1/api-keys")
    Page<KeyResponse> list(
            Caller caller,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage,
            @RequestParam(name = "include_revoked", defaultValue = "false") boolean includeRevoked) {
        return keys.list(caller, includeRevoked, PageQuery.of(page, perPage)).map(KeyResponse::of);
    }

    @GetMapping("/v1/api-keys/{key_id}")
    KeyResponse get(Caller caller, @PathVariable("key_id") String keyId) {
        return KeyResponse.of(keys.get(caller, keyId));
    }

    @DeleteMapping("/v1/api-keys/{key_id}")
    KeyResponse revoke(Caller caller, @PathVariable("key_id") String keyId) {
        return KeyResponse.of(keys.revoke(caller, keyId));
    }
}
