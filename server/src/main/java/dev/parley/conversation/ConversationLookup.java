package dev.parley.conversation;

import dev.parley.platform.Mode;

/** Whether a conversation exists in a workspace and mode, for modules that attach things to conversations. */
public interface ConversationLookup {

    boolean exists(String workspaceId, Mode mode, String conversationId);
}
