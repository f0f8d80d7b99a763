package dev.parley.platform.internal;

import dev.parley.platform.CustomerErased;
import dev.parley.platform.Sql;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Background jobs may carry an erased customer in their payload (a message still to be forwarded to the helpdesk, a
 * ticket still to be opened): in the erasing transaction their payload, state and last error are emptied, and those
 * not yet done are cancelled, so nothing about the customer is kept or sent on afterwards.
 */
@Component
class JobErasure {

    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final Clock clock;

    JobErasure(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(CustomerErased erased) {
        List<String> needles = erased.mentions();
        long forgotten = 0;
        for (List<String> batch : Sql.batches(needles, BATCH)) {
            var now = Sql.timestamp(clock.instant());
            List<Object> params = new ArrayList<>(
                    List.of(now, now, erased.workspaceId(), erased.mode().wire()));
            StringBuilder any = new StringBuilder();
            for (String needle : batch) {
                any.append(any.isEmpty() ? "" : " OR ")
                        .append("LOWER(payload) LIKE ? ESCAPE '!' OR LOWER(state) LIKE ? ESCAPE '!'");
                String pattern = Sql.containing(needle);
                params.add(pattern);
                params.add(pattern);
            }
            forgotten += jdbc.sql("UPDATE jobs SET payload = '{}', state = '{}', last_error = NULL,"
                            + " status = CASE WHEN status = 'queued' THEN 'cancelled'"
                            + " WHEN status = 'running' THEN 'cancelling' ELSE status END,"
                            + " finished_at = CASE WHEN status = 'queued' THEN ? ELSE finished_at END, updated_at = ?"
                            + " WHERE workspace_id = ? AND mode = ? AND (" + any + ")")
                    .params(params)
                    .update();
        }
        erased.tally().add("platform.jobs", forgotten);
    }
}
