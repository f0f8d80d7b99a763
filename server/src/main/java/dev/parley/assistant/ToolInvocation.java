package dev.parley.assistant;

import dev.parley.platform.Mode;
import java.util.Map;

/**
 * One call of a tool, for one workspace and conversation.
 *
 * @param facts what the conversation has established, such as {@code verified_email}; tools trust only these, never
 *     the message text, for what needs verifying
 */
public record ToolInvocation(
        String workspaceId,
        Mode mode,
        String conversationId,
        String message,
        Map<String, Object> arguments,
        Map<String, String> facts) {

    public ToolInvocation {
        arguments = Map.copyOf(arguments);
        facts = Map.copyOf(facts);
    }
}
