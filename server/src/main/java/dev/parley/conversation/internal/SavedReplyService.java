package dev.parley.conversation.internal;

import dev.parley.conversation.SavedReplies;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.Ids;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Saved replies: checked here, stored in {@link SavedReplyRows}, filled from a conversation for the console. */
@Service
class SavedReplyService implements SavedReplies {

    static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    static final int MAX_CONTENT = 4000;
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z_]+\\.[a-z_]+)\\s*}}");

    private final SavedReplyRows savedReplyRows;
    private final Conversations conversations;
    private final Clock clock;

    SavedReplyService(SavedReplyRows savedReplyRows, Conversations conversations, Clock clock) {
        this.savedReplyRows = savedReplyRows;
        this.conversations = conversations;
        this.clock = clock;
    }

    @Override
    public Page<SavedReply> list(Caller caller, String query, PageQuery page) {
        caller.require(Scope.CONVERSATIONS_READ);
        return Page.of(
                savedReplyRows.page(caller.workspaceId(), caller.mode(), query, page),
                page,
                savedReplyRows.count(caller.workspaceId(), caller.mode(), query));
    }

    @Override
    public SavedReply get(Caller caller, String id) {
        caller.require(Scope.CONVERSATIONS_READ);
        return savedReplyRows
                .find(caller.workspaceId(), caller.mode(), id)
                .orElseThrow(() -> ApiException.notFound("saved_reply", id));
    }

    @Override
    public SavedReply create(Caller caller, String shortcut, String content) {
        writable(caller);
        String checkedShortcut = shortcut(shortcut, true);
        String checkedContent = content(content, true);
        Instant now = clock.instant();
        SavedReply reply = new SavedReply(Ids.next("sr"), checkedShortcut, checkedContent, now, now);
        taken(caller, checkedShortcut, null);
        try {
            savedReplyRows.insert(caller.workspaceId(), caller.mode(), reply);
        } catch (DuplicateKeyException raced) {
            throw conflict(checkedShortcut);
        }
        return reply;
    }

    @Override
    public SavedReply update(Caller caller, String id, String shortcut, String content) {
        writable(caller);
        SavedReply before = savedReplyRows
                .find(caller.workspaceId(), caller.mode(), id)
                .orElseThrow(() -> ApiException.notFound("saved_reply", id));
        String newShortcut = shortcut == null ? before.shortcut() : shortcut(shortcut, false);
        String newContent = content == null ? before.content() : content(content, false);
        taken(caller, newShortcut, id);
        SavedReply after = new SavedReply(id, newShortcut, newContent, before.createdAt(), clock.instant());
        try {
            savedReplyRows.update(caller.workspaceId(), caller.mode(), after);
        } catch (DuplicateKeyException raced) {
            throw conflict(newShortcut);
        }
        return after;
    }

    @Override
    public void delete(Caller caller, String id) {
        writable(caller);
        if (!savedReplyRows.delete(caller.workspaceId(), caller.mode(), id)) {
            throw ApiException.notFound("saved_reply", id);
        }
    }

    @Override
    public List<Filled> filledFor(Caller caller, String conversationId, String agentName) {
        caller.require(Scope.CONVERSATIONS_READ);
        Conversation conversation = conversations.get(caller, conversationId);
        ConversationRows.Contact contact = conversations.contact(caller, conversation);
        String name =
                contact == null || contact.name() == null ? "" : contact.name().strip();
        Map<String, String> values = Map.of(
                "customer.first_name", name.isEmpty() ? "" : name.split("\\s+")[0],
                "customer.name", name,
                "customer.email", contact == null || contact.email() == null ? "" : contact.email(),
                "order.number", conversation.facts().getOrDefault("order_number", ""),
                "agent.name", agentName == null ? "" : agentName);
        return savedReplyRows
                .page(caller.workspaceId(), caller.mode(), null, new PageQuery(1, PageQuery.MAX_PER_PAGE))
                .stream()
                .map(r -> new Filled(r.id(), r.shortcut(), fill(r.content(), values)))
                .toList();
    }

    /** Replaces each known variable with its value; unknown ones stay as written, so a typo is seen, not lost. */
    static String fill(String content, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(content);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static void writable(Caller caller) {
        caller.require(Scope.CONVERSATIONS_WRITE);
        caller.requireLiveMode();
    }

    private void taken(Caller caller, String shortcut, String except) {
        savedReplyRows
                .byShortcut(caller.workspaceId(), caller.mode(), shortcut)
                .filter(other -> !other.id().equals(except))
                .ifPresent(other -> {
                    throw conflict(shortcut);
                });
    }

    private static ApiException conflict(String shortcut) {
        return new ApiException(
                ErrorCode.CONFLICT, "error.conflict.shortcut_taken", Map.of("field", "shortcut"), shortcut);
    }

    private static String shortcut(String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.missingField("shortcut");
            }
            throw ApiException.invalidField("shortcut", "invalid_value");
        }
        String shortcut = value.strip().replaceFirst("^/", "");
        if (!SHORTCUT.matcher(shortcut).matches()) {
            throw ApiException.invalidField("shortcut", "invalid_format");
        }
        return shortcut;
    }

    private static String content(String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.missingField("content");
            }
            throw ApiException.invalidField("content", "invalid_value");
        }
        if (value.length() > MAX_CONTENT) {
            throw ApiException.invalidField("content", "too_long");
        }
        return value.strip();
    }
}
