package dev.parley.tenancy;

/**
 * A console user signed out: their console session ({@link dev.parley.platform.Caller#keyId()} of its callers) ended.
 * Published inside the transaction that ended it; whatever the session opened closes once it commits, on every node.
 * A deactivated user's sessions end with {@link AgentDeactivated}.
 */
public record ConsoleSessionEnded(String workspaceId, String sessionId) {}
