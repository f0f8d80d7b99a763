package dev.parley.platform;

import org.springframework.util.unit.DataSize;

/**
 * A larger request body limit for the paths under a prefix (e.g. document uploads), which modules declare as beans.
 * Other paths keep {@code parley.platform.max-body-size}; where several prefixes match, the largest limit applies.
 */
public record BodyLimit(String pathPrefix, DataSize max) {

    public BodyLimit {
        if (pathPrefix == null || !pathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("A body limit's path prefix starts with '/': " + pathPrefix);
        }
        if (max == null || max.toBytes() <= 0) {
            throw new IllegalArgumentException("A body limit must be positive: " + max);
        }
    }

    /** Whether the path (without the context path) is the prefix or lies under it. */
    public boolean matches(String path) {
        return path.equals(pathPrefix) || path.startsWith(pathPrefix.endsWith("/") ? pathPrefix : pathPrefix + "/");
    }
}
