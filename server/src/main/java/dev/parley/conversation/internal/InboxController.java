package dev.parley.conversation.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.MessageAttachment;
import dev.parley.conversation.MessageRole;
import dev.parley.platform.Caller;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import dev.parley.platform.WidgetAccess;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Agents' replies, private notes and customer feedback on seed 001's conversations. */
@RestController
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Seed 001's {@code content}, or seed 003's {@code text} (its agent replies), or seed 002's {@code message}. */
    record ReplyRequest(
            @JsonAlias({"text", "message"})
            @io.swagger.v3.oas.annotations.media.Schema(
                    description = "The agent's reply; also read as text (seed 003) or message (seed 002)")
            String content,

            List<MessageAttachment> attachments) {}

    record NoteRequest(String content) {}

    record FeedbackRequest(Integer rating, String comment) {}

    /** Who sent a message: {@code type} is {@code agent}; {@code id} is null for the team sender. */
    record Sender(String type, String id, String name) {}

    record ReplyView(
            String id,
            String conversationId,
            MessageRole role,
            String content,
            Sender sender,
            List<MessageAttachment> attachments,
            ConversationStatus status,
            String assignedTo,
            Instant createdAt) {}

    record NoteView(
            String id, String conversationId, MessageRole role, String content, Sender author, Instant createdAt) {}

    record FeedbackView(
            String id, String conversationId, int rating, String comment, String agentId, Instant createdAt) {}

    @PostMapping("/v1/conversations/{conversation_id}/replies")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.CONVERSATIONS_WRITE)
    ReplyView reply(Caller caller, @PathVariable("conversation_id") String id, @RequestBody ReplyRequest request) {
        Inbox.Reply reply = inbox.reply(caller, id, request.content(), request.attachments());
        Message m = reply.message();
        return new ReplyView(
                m.id(),
                id,
                m.role(),
                m.content(),
                new Sender("agent", reply.senderId(), reply.senderName()),
                m.attachments(),
                reply.conversation().status(),
                reply.conversation().assignedTo(),
                m.createdAt());
    }

    @PostMapping("/v1/conversations/{conversation_id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.CONVERSATIONS_WRITE)
    NoteView note(Caller caller, @PathVariable("conversation_id") String id, @RequestBody NoteRequest request) {
        Message note = inbox.note(caller, id, request.content());
        return new NoteView(
                note.id(),
                id,
                note.role(),
                note.content(),
                new Sender("agent", note.authorId(), note.authorName()),
                note.createdAt());
    }

    @PostMapping("/v1/conversations/{conversation_id}/feedback")
    @ResponseStatus(HttpStatus.CREATED)
    @WidgetAccess
    FeedbackView feedback(
            Caller caller, @PathVariable("conversation_id") String id, @RequestBody FeedbackRequest request) {
        ConversationController.widgetOr(caller, Scope.CONVERSATIONS_WRITE);
        Inbox.Feedback f = inbox.feedback(caller, id, request.rating(), request.comment());
        return new FeedbackView(f.id(), f.conversationId(), f.rating(), f.comment(), f.agentId(), f.createdAt());
    }
}
