package dev.parley.tenancy;

/**
 * An API key was revoked. Published once the revocation is stored; whatever the key opened (sockets, event streams)
 * closes, on every node.
 */
public record ApiKeyRevoked(String workspaceId, String keyId) {}
