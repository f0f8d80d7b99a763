package dev.parley.conversation;

import dev.parley.platform.Caller;

/** Whether a caller may reach a conversation, for modules that attach things to conversations. */
public interface ConversationLookup {

    /**
     * Whether the conversation is of the caller's workspace and mode and, for a publishable key, bound to its visitor
     * token.
     */
    boolean reachable(Caller caller, String conversationId);
}
