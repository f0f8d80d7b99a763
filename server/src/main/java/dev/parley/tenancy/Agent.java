package dev.parley.tenancy;

import java.time.Instant;

/**
 * A console user of a workspace: an agent who answers conversations, or an admin who also manages the team and
 * the store. Ids are {@code agent_...}.
 *
 * @param role {@code admin} or {@code agent}
 * @param status presence: {@code online}, {@code away} or {@code offline}
 * @param capacity how many conversations the agent holds at once before assignment passes them by
 * @param active {@code false} once deactivated: such a user can no longer sign in or be assigned
 * @param lastAssignedAt when assignment last gave this agent a conversation, or {@code null}
 */
public record Agent(
        String id,
        String workspaceId,
        String name,
        String email,
        String role,
        String status,
        int capacity,
        boolean active,
        Instant lastAssignedAt,
        Instant createdAt,
        Instant updatedAt) {

    public boolean isAdmin() {
        return role.equals("admin");
    }
}
