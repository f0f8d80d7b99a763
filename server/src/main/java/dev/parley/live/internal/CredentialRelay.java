package dev.parley.live.internal;

import dev.parley.tenancy.AgentDeactivated;
import dev.parley.tenancy.ApiKeyRevoked;
import dev.parley.tenancy.ConsoleSessionEnded;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A credential that ended (a key revoked, a console user signed out or deactivated) closes what it opened on every
 * node, once the change is committed: the fan-out carries it to the nodes that hold the connections.
 */
@Component
class CredentialRelay {

    static final String KEY_REVOKED = "api_key.revoked";
    static final String SESSION_ENDED = "console_session.ended";
    static final String AGENT_DEACTIVATED = "agent.deactivated";

    private final Fanout fanout;

    CredentialRelay(Fanout fanout) {
        this.fanout = fanout;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ApiKeyRevoked event) {
        fanout.publish(Signal.ended(event.workspaceId(), KEY_REVOKED, "key_id", event.keyId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ConsoleSessionEnded event) {
        fanout.publish(Signal.ended(event.workspaceId(), SESSION_ENDED, "session_id", event.sessionId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AgentDeactivated event) {
        fanout.publish(Signal.ended(event.workspaceId(), AGENT_DEACTIVATED, "agent_id", event.agentId()));
    }
}
