package dev.parley.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What other modules may ask of tenancy about console users (agents and admins). */
public interface Agents {

    /** An agent of this workspace, active or deactivated; empty for an unknown id or another workspace's. */
    Optional<Agent> find(String workspaceId, String agentId);

    /** Every agent of the workspace, active or deactivated. */
    List<Agent> all(String workspaceId);

    /**
     * The workspace's active, online agents, locked (row locks, in id order) until the surrounding transaction ends,
     * so assignments made on any node at the same time are made one after the other. Call inside a transaction.
     */
    List<Agent> lockOnline(String workspaceId);

    /** Records that assignment just gave {@code agentId} a conversation (the round-robin position). */
    void assigned(String workspaceId, String agentId, Instant at);
}
