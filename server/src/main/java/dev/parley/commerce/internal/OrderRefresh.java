package dev.parley.commerce.internal;

import dev.parley.platform.JobContext;
import dev.parley.platform.JobHandler;
import dev.parley.platform.Jobs;
import dev.parley.platform.Mode;
import dev.parley.platform.PeriodicWork;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Keeps cached orders current when a webhook was missed: every refresh interval each connected Shopify or
 * WooCommerce store whose turn has come gets one durable job, which reads its longest unrefreshed cached orders again
 * from the store. Only orders already cached are read, so an erased customer's orders are not brought back; an order
 * the store no longer has leaves the cache.
 */
@Component
class OrderRefresh extends PeriodicWork implements JobHandler {

    static final String JOB_TYPE = "commerce.order_refresh";

    private final StoreConnectionRows storeConnectionRows;
    private final StoreConnections connections;
    private final OrderCache cache;
    private final Jobs jobs;
    private final CommerceProperties properties;
    private final Clock clock;

    OrderRefresh(
            StoreConnectionRows storeConnectionRows,
            StoreConnections connections,
            OrderCache cache,
            @Lazy Jobs jobs, // the runner needs this handler first
            CommerceProperties properties,
            Clock clock) {
        super("order-refresh", properties.orderRefreshInterval(), properties.orderRefreshInterval());
        this.storeConnectionRows = storeConnectionRows;
        this.connections = connections;
        this.cache = cache;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues a refresh of every store whose turn has come; the workspaces queued. */
    List<String> queueDue() {
        List<String> claimed = storeConnectionRows.claimRefreshes(
                clock.instant(), clock.instant().plus(properties.orderRefreshInterval()));
        claimed.forEach(workspaceId -> jobs.enqueue(workspaceId, Mode.LIVE, JOB_TYPE, Map.of()));
        return claimed;
    }

    @Override
    protected void runOnce() {
        queueDue();
    }

    @Override
    public String type() {
        return JOB_TYPE;
    }

    @Override
    public int maxAttempts() {
        return 3; // the next interval tries again anyway
    }

    @Override
    public void run(JobContext job) {
        String workspaceId = job.workspaceId();
        Optional<StoreConnector> connector = connections.connector(workspaceId, Mode.LIVE);
        if (connector.isEmpty() || connector.get().platform().equals("demo")) {
            return; // disconnected or switched to the demo store since
        }
        for (String number : cache.stalest(workspaceId, Mode.LIVE, properties.orderRefreshBatch())) {
            if (job.cancelled()) {
                return;
            }
            connector
                    .get()
                    .order(number)
                    .ifPresentOrElse(
                            order -> cache.put(workspaceId, Mode.LIVE, order),
                            () -> cache.remove(workspaceId, Mode.LIVE, number));
        }
    }
}
