package dev.parley.conversation;

import dev.parley.platform.Mode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a voice socket needs from conversations: the session a socket token opens, and one spoken turn through the
 * assistant, stored like any customer message of the session's conversation (channel {@code voice}).
 */
public interface VoiceConversations {

    /** The active, unexpired session whose token this is; empty for an unknown, expired or ended one. */
    Optional<VoiceSession> session(String token);

    /**
     * The customer's words as a message of the session's conversation, answered by the assistant.
     *
     * @throws dev.parley.platform.ApiException for a message the conversation refuses (too long, closed)
     */
    VoiceReply say(VoiceSession session, String text);

    /**
     * @param expiresAt when the token stops opening sockets
     */
    record VoiceSession(String workspaceId, Mode mode, String sessionId, String conversationId, Instant expiresAt) {}

    /**
     * The assistant's answer, or a reply with no text while a human holds the conversation.
     *
     * @param toolsUsed the tools of the stored reply's actions, as {@code GET /v1/sessions/{id}} lists them
     */
    record VoiceReply(String messageId, String text, String intent, List<String> toolsUsed) {

        public boolean answered() {
            return text != null;
        }
    }
}
