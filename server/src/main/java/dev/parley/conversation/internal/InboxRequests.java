package dev.parley.conversation.internal;

import dev.parley.platform.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads a PATCH body of the inbox's fields by hand, because {@code "assigned_to": null} (unassign) and a field left
 * out (unchanged) must differ.
 */
final class InboxRequests {

    private static final Set<String> FIELDS = Set.of("status", "assigned_to", "tags", "notes", "priority");

    private InboxRequests() {}

    static Inbox.Change change(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiException(
                    dev.parley.platform.ErrorCode.INVALID_REQUEST, "error.invalid_request.body_required", Map.of());
        }
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw ApiException.invalidField(name, "unknown_field");
            }
        }
        List<String> tags = null;
        if (body.has("tags") && !body.get("tags").isNull()) {
            if (!body.get("tags").isArray()) {
                throw ApiException.invalidField("tags", "invalid_type");
            }
            tags = new ArrayList<>();
            for (JsonNode tag : body.get("tags")) {
                if (!tag.isString()) {
                    throw ApiException.invalidField("tags", "invalid_type");
                }
                tags.add(tag.asString());
            }
        }
        return new Inbox.Change(
                text(body, "status"),
                body.has("assigned_to"),
                text(body, "assigned_to"),
                tags,
                text(body, "notes"),
                text(body, "priority"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.invalidField(field, "invalid_type");
        }
        return value.asString();
    }
}
