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

    private final Fanout fanout;

    CredentialRelay(Fanout fanout) {
        this.fanout = fanout;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ApiKeyRevoked event) {
        fanout.publish(Signal.ended(event.workspaceId(), Signal.Credential.KEY_REVOKED, event.keyId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ConsoleSessionEnded event) {
        fanout.publish(Signal.ended(event.workspaceId(), Signal.Credential.SESSION_ENDED, event.sessionId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AgentDeactivated event) {
        fanout.publish(Signal.ended(event.workspaceId(), Signal.Credential.AGENT_DEACTIVATED, event.agentId()));
    }
}
