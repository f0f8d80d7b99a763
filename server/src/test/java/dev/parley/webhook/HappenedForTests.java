package dev.parley.webhook;

import dev.parley.platform.Mode;
import dev.parley.platform.PublicEvent;
import java.util.Map;

/**
 * Test-only (test sources, never shipped): a fact of any name, as any module could publish one, to show that the
 * outbox takes every {@link PublicEvent} without a list of classes.
 */
record HappenedForTests(String workspaceId, Mode mode, String type, Map<String, Object> data, String orderingKey)
        implements PublicEvent {}
