package dev.parley.assistant;

import dev.parley.platform.Mode;
import java.util.Map;

/**
 * One call of a tool, for one workspace and conversation.
 *
 * @param facts what the conversation has established, such as {@code verified_email}; tools trust only these, never
 *     the message text, for what needs verifying. The assistant adds what it understood of this turn's message
 *     ({@link #CUSTOMER_SENTIMENT}, {@link #REPORTED_PROBLEM}); those are not kept in the conversation's memory
 */
public record ToolInvocation(
        String workspaceId,
        Mode mode,
        String conversationId,
        String message,
        ToolArguments arguments,
        Map<String, String> facts) {

    /** How the customer feels in this turn's message: positive, neutral, negative or frustrated. */
    public static final String CUSTOMER_SENTIMENT = "customer_sentiment";

    /** The language the customer writes in: {@code uz} for Uzbek, else {@code en}; the tools answer in it. */
    public static final String CUSTOMER_LANGUAGE = "customer_language";

    /** A problem with an order that this turn's message reports: {@code damaged} or {@code wrong_item}. */
    public static final String REPORTED_PROBLEM = "reported_problem";

    public ToolInvocation {
        arguments = arguments == null ? ToolArguments.none() : arguments;
        facts = Map.copyOf(facts);
    }
}
