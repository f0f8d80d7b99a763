package dev.parley.platform;

/**
 * A path prefix under {@code /v1} that needs no API key, because it authenticates another way (a signed inbound
 * webhook, a socket that authenticates in its first frame). Modules declare these as beans. Paths outside
 * {@code /v1} (health, the API description, static assets) are public already.
 */
public record PublicPath(String prefix) {}
