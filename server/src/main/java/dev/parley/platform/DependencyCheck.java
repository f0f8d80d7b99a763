package dev.parley.platform;

/** One line of {@code GET /health}: a dependency and whether it answers. Modules contribute beans of this type. */
public interface DependencyCheck {

    enum Status {
        HEALTHY,
        DEGRADED,
        UNHEALTHY
    }

    /** The key under {@code checks}, e.g. {@code database}. */
    String name();

    Status check();

    /** A dependency whose failure leaves Parley degraded rather than down. */
    default boolean critical() {
        return true;
    }
}
