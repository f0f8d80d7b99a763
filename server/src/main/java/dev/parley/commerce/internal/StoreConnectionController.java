package dev.parley.commerce.internal;

import dev.parley.platform.Caller;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace's store: {@code GET/PUT/DELETE /v1/store/connection}. Credentials are write-only; responses show
 * them masked.
 */
@RestController
class StoreConnectionController {

    private final StoreConnections connections;

    StoreConnectionController(StoreConnections connections) {
        this.connections = connections;
    }

    record ConnectionRequest(
            String platform,
            String shopDomain,
            String baseUrl,
            Map<String, String> credentials,
            Integer maxDiscountPercent) {}

    record ConnectionResponse(
            boolean connected,
            String platform,
            String shopDomain,
            String baseUrl,
            Map<String, String> credentials,
            Integer maxDiscountPercent,
            Instant createdAt,
            Instant updatedAt) {}

    @GetMapping("/v1/store/connection")
    @RequiresScope(Scope.SETTINGS_READ)
    ConnectionResponse get(Caller caller) {
        return connections.get(caller.workspaceId()).map(this::response).orElseGet(ConnectionController::none);
    }

    @PutMapping("/v1/store/connection")
    @RequiresScope(Scope.SETTINGS_WRITE)
    ConnectionResponse put(Caller caller, @RequestBody ConnectionRequest request) {
        return response(connections.put(
                caller,
                new StoreConnections.Draft(
                        request.platform(),
                        request.shopDomain(),
                        request.baseUrl(),
                        request.credentials(),
                        request.maxDiscountPercent())));
    }

    @DeleteMapping("/v1/store/connection")
    @RequiresScope(Scope.SETTINGS_WRITE)
    ConnectionResponse delete(Caller caller) {
        connections.delete(caller);
        return connections.get(caller.workspaceId()).map(this::response).orElseGet(ConnectionController::none);
    }

    private ConnectionResponse response(StoreConnection c) {
        StoreConnection.Credentials credentials = connections.credentials(c);
        Map<String, String> masked = new LinkedHashMap<>();
        put(masked, "access_token", credentials.accessToken());
        put(masked, "consumer_key", credentials.consumerKey());
        put(masked, "consumer_secret", credentials.consumerSecret());
        put(masked, "webhook_secret", credentials.webhookSecret());
        put(masked, "customer_token_secret", credentials.customerTokenSecret());
        return new ConnectionResponse(
                true,
                c.platform(),
                c.shopDomain(),
                c.baseUrl(),
                masked,
                c.maxDiscountPercent(),
                c.createdAt(),
                c.updatedAt());
    }

    private static void put(Map<String, String> masked, String name, String secret) {
        if (secret != null) {
            masked.put(name, mask(secret));
        }
    }

    /** The last four characters at most, and only of a secret long enough to keep its secrecy. */
    static String mask(String secret) {
        return secret.length() < 12 ? "****" : "****" + secret.substring(secret.length() - 4);
    }

    private static final class ConnectionController {
        static ConnectionResponse none() {
            return new ConnectionResponse(false, null, null, null, Map.of(), null, null, null);
        }
    }
}
