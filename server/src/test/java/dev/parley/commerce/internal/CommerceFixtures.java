package dev.parley.commerce.internal;

import java.util.List;

/** Lets commerce tests run what the schedule runs, without waiting for it. */
public class CommerceFixtures {

    private final OrderRefresh refresh;

    CommerceFixtures(OrderRefresh refresh) {
        this.refresh = refresh;
    }

    /** What the order refresh schedule does each interval: the workspaces whose refresh was queued. */
    public List<String> queueDueOrderRefreshes() {
        return refresh.queueDue();
    }
}
