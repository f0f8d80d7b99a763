package dev.parley.conversation.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The customers (contacts) of the caller's workspace and mode: list, get, change, and their conversations. */
@RestController
class ContactController {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{3,40}");
    private static final int MAX_METADATA = 20_000;

    private final ConversationRows conversationRows;
    private final ConversationController conversations;
    private final JsonMapper json;
    private final Clock clock;

    ContactController(
            ConversationRows conversationRows, ConversationController conversations, JsonMapper json, Clock clock) {
        this.conversationRows = conversationRows;
        this.conversations = conversations;
        this.json = json;
        this.clock = clock;
    }

    record ContactView(
            String id,
            String email,
            String name,
            String phone,
            Map<String, Object> metadata,
            Instant createdAt,
            Instant updatedAt) {

        static ContactView of(ConversationRows.ContactDetails c) {
            return new ContactView(c.id(), c.email(), c.name(), c.phone(), c.metadata(), c.createdAt(), c.updatedAt());
        }
    }

    @GetMapping("/v1/contacts")
    @RequiresScope(Scope.CONVERSATIONS_READ)
    Page<ContactView> list(
            Caller caller,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        PageQuery query = PageQuery.of(page, perPage);
        return Page.of(
                        conversationRows.contacts(caller.workspaceId(), caller.mode(), email, query),
                        query,
                        conversationRows.countContacts(caller.workspaceId(), caller.mode(), email))
                .map(ContactView::of);
    }

    @GetMapping("/v1/contacts/{contact_id}")
    @RequiresScope(Scope.CONVERSATIONS_READ)
    ContactView get(Caller caller, @PathVariable("contact_id") String id) {
        return ContactView.of(contact(caller, id));
    }

    /** Changes name, phone and metadata; a field left out is kept, {@code null} clears it. */
    @PatchMapping("/v1/contacts/{contact_id}")
    @RequiresScope(Scope.CONVERSATIONS_WRITE)
    ContactView change(
            Caller caller, @PathVariable("contact_id") String id, @RequestBody(required = false) JsonNode body) {
        ConversationRows.ContactDetails current = contact(caller, id);
        if (body == null || !body.isObject()) {
            throw new ApiException(
                    dev.parley.platform.ErrorCode.INVALID_REQUEST, "error.invalid_request.body_required", Map.of());
        }
        for (String field : body.propertyNames()) {
            if (!field.equals("name") && !field.equals("phone") && !field.equals("metadata")) {
                throw ApiException.invalidField(field, "unknown_field");
            }
        }
        String name = body.has("name") ? text(body, "name", 200) : current.name();
        String phone = body.has("phone") ? text(body, "phone", 40) : current.phone();
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw ApiException.invalidField("phone", "invalid_format");
        }
        Map<String, Object> metadata = current.metadata();
        if (body.has("metadata")) {
            JsonNode value = body.get("metadata");
            if (value.isNull()) {
                metadata = Map.of();
            } else if (!value.isObject()) {
                throw ApiException.invalidField("metadata", "invalid_type");
            } else if (value.toString().length() > MAX_METADATA) {
                throw ApiException.invalidField("metadata", "too_long");
            } else {
                metadata = json.convertValue(value, new tools.jackson.core.type.TypeReference<>() {});
            }
        }
        ConversationRows.ContactDetails changed = new ConversationRows.ContactDetails(
                current.id(), current.email(), name, phone, metadata, current.createdAt(), clock.instant());
        conversationRows.updateContact(caller.workspaceId(), caller.mode(), changed);
        return ContactView.of(contact(caller, id));
    }

    @GetMapping("/v1/contacts/{contact_id}/conversations")
    @RequiresScope(Scope.CONVERSATIONS_READ)
    Page<ConversationController.Summary> conversations(
            Caller caller,
            @PathVariable("contact_id") String id,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        contact(caller, id);
        return conversations.listFor(caller, id, PageQuery.of(page, perPage));
    }

    private ConversationRows.ContactDetails contact(Caller caller, String id) {
        return conversationRows
                .contactDetails(caller.workspaceId(), caller.mode(), id)
                .orElseThrow(() -> ApiException.notFound("contact", id));
    }

    private static String text(JsonNode body, String field, int max) {
        JsonNode value = body.get(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.invalidField(field, "invalid_type");
        }
        String text = value.asString().strip();
        if (text.length() > max) {
            throw ApiException.invalidField(field, "too_long");
        }
        return text.isEmpty() ? null : text;
    }
}
