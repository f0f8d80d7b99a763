package dev.parley.conversation;

import dev.parley.platform.Mode;
import java.util.Optional;

/** What a helpdesk integration may write into a conversation: the messages it syncs back from its tickets. */
public interface HelpdeskInbox {

    /**
     * Adds a message written in the helpdesk to the conversation: an agent's reply ({@link MessageRole#AGENT}) or the
     * customer's own message there ({@link MessageRole#USER}). It is published like any message of that role.
     *
     * @return the new message's id; empty when the conversation does not exist in that workspace and mode
     */
    Optional<String> sync(String workspaceId, Mode mode, String conversationId, MessageRole role, String content);
}
