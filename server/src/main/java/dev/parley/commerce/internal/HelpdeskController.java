package dev.parley.commerce.internal;

import dev.parley.platform.Caller;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace's helpdesk: {@code GET/PUT/DELETE /v1/helpdesk/connection} (seed 001's {@code integrations.gorgias}:
 * {@code connected}, {@code mode}). Credentials are write-only.
 */
@RestController
class HelpdeskController {

    private final HelpdeskConnections connections;

    HelpdeskController(HelpdeskConnections connections) {
        this.connections = connections;
    }

    record HelpdeskRequest(String platform, String baseUrl, Map<String, String> credentials, String mode) {}

    record HelpdeskResponse(
            boolean connected,
            String platform,
            String baseUrl,
            String mode,
            Map<String, String> credentials,
            String webhookUrl,
            Instant createdAt,
            Instant updatedAt) {

        static HelpdeskResponse of(HelpdeskConnections.Connection c) {
            return new HelpdeskResponse(
                    true,
                    c.platform(),
                    c.baseUrl(),
                    c.mode(),
                    Map.of(
                            "username", c.username(),
                            "api_key", StoreConnectionController.mask(c.apiKey()),
                            "webhook_secret", StoreConnectionController.mask(c.webhookSecret())),
                    "/v1/webhooks/gorgias",
                    c.createdAt(),
                    c.updatedAt());
        }

        static HelpdeskResponse none() {
            return new HelpdeskResponse(false, null, null, null, Map.of(), "/v1/webhooks/gorgias", null, null);
        }
    }

    @GetMapping("/v1/helpdesk/connection")
    @RequiresScope(Scope.SETTINGS_READ)
    HelpdeskResponse get(Caller caller) {
        return connections.find(caller.workspaceId()).map(HelpdeskResponse::of).orElseGet(HelpdeskResponse::none);
    }

    @PutMapping("/v1/helpdesk/connection")
    @RequiresScope(Scope.SETTINGS_WRITE)
    HelpdeskResponse put(Caller caller, @RequestBody HelpdeskRequest request) {
        return HelpdeskResponse.of(
                connections.put(caller, request.platform(), request.baseUrl(), request.credentials(), request.mode()));
    }

    @DeleteMapping("/v1/helpdesk/connection")
    @RequiresScope(Scope.SETTINGS_WRITE)
    HelpdeskResponse delete(Caller caller) {
        connections.delete(caller);
        return HelpdeskResponse.none();
    }
}
