package dev.parley.platform.internal;

import dev.parley.platform.CustomerErased;
import dev.parley.platform.Sql;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stored responses of {@code Idempotency-Key} requests may quote an erased customer (a created conversation with its
 * email and messages): those records are forgotten, in the erasing transaction. A retry with such a key runs again
 * instead of replaying, which is the price of not keeping the data.
 */
@Component
class IdempotencyErasure {

    private static final int BATCH = 50;

    private final JdbcClient jdbc;

    IdempotencyErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CustomerErased erased) {
        List<String> needles = erased.mentions();
        long forgotten = 0;
        for (List<String> batch : Sql.batches(needles, BATCH)) {
            List<Object> params =
                    new ArrayList<>(List.of(erased.workspaceId(), erased.mode().wire()));
            StringBuilder any = new StringBuilder();
            for (String needle : batch) {
                any.append(any.isEmpty() ? "" : " OR ").append("LOWER(response_body) LIKE ? ESCAPE '!'");
                params.add(Sql.containing(needle));
            }
            forgotten += jdbc.sql(
                            "DELETE FROM idempotency_records WHERE workspace_id = ? AND mode = ? AND (" + any + ")")
                    .params(params)
                    .update();
        }
        erased.tally().add("platform.idempotency_records", forgotten);
    }
}
