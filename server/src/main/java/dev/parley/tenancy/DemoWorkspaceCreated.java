package dev.parley.tenancy;

/**
 * The first start of an installation created its demo workspace (platform {@code demo}). Published inside the
 * transaction that created it, so what other modules add to the demo (its help centre) is there when the server
 * first answers, or not at all.
 */
public record DemoWorkspaceCreated(String workspaceId) {}
