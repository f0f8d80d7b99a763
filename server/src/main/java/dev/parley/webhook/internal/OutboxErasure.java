package dev.parley.webhook.internal;

import dev.parley.platform.CustomerErased;
import dev.parley.platform.Sql;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outbox's side of privacy: the payloads of an erased customer's conversations, pending or delivered, lose what
 * people wrote ({@code content}, {@code comment}, a gap's {@code query}) and the store's {@code user_id}, so neither a
 * retry nor a redelivery sends them again. What receivers already got is theirs to erase; the delivery log's
 * response snippets are the receivers' words, not the customer's, and stay.
 */
@Component
class OutboxErasure {

    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OutboxErasure(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventListener
    void on(CustomerErased erased) {
        long scrubbed = 0;
        List<String> ids = erased.conversationIds();
        for (List<String> batch : Sql.batches(ids, BATCH)) {
            List<Object> params =
                    new ArrayList<>(List.of(erased.workspaceId(), erased.mode().wire()));
            params.addAll(batch);
            record Row(String id, String body) {}
            List<Row> rows = jdbc.sql("SELECT id, body FROM webhook_deliveries WHERE workspace_id = ? AND mode = ?"
                            + " AND ordering_key IN (" + Sql.placeholders(batch.size())
                            + ")")
                    .params(params)
                    .query((rs, i) -> new Row(rs.getString("id"), rs.getString("body")))
                    .list();
            for (Row row : rows) {
                JsonNode body = json.readTree(row.body());
                if (!(body.get("data") instanceof ObjectNode data)) {
                    continue;
                }
                boolean changed = false;
                for (String key : List.of("content", "comment", "query", "user_id")) {
                    JsonNode value = data.get(key);
                    if (value != null
                            && !value.isNull()
                            && !(value.isString() && value.asString().isEmpty())) {
                        if (key.equals("content")) {
                            data.put(key, "");
                        } else {
                            data.putNull(key);
                        }
                        changed = true;
                    }
                }
                if (changed) {
                    scrubbed += jdbc.sql("UPDATE webhook_deliveries SET body = ? WHERE id = ?")
                            .params(JsonText.stringify(body), row.id())
                            .update();
                }
            }
        }
        erased.tally().add("webhook.deliveries_scrubbed", scrubbed);
    }
}
