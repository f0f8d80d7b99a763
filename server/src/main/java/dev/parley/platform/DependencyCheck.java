package dev.parley.platform;

/**
 * One line of {@code GET /health}: a dependency and whether it answers. Modules contribute beans of this type. Only
 * a check that was made may say {@code healthy}.
 */
public interface DependencyCheck {

    enum Status {
        HEALTHY,
        DEGRADED,
        UNHEALTHY,
        /** Not set up in this installation (no connection, no URL): nothing to check, nothing wrong. */
        NOT_CONFIGURED,
        /** Set up, but not checked yet (nothing has called it since this node started): neither good nor bad. */
        UNCHECKED;

        /** Whether it says something is wrong: a failure, as opposed to an answer or no answer yet. */
        public boolean failing() {
            return this == DEGRADED || this == UNHEALTHY;
        }
    }

    /** The key under {@code checks}, e.g. {@code database}. */
    String name();

    Status check();

    /** A dependency whose failure leaves Parley degraded rather than down. */
    default boolean critical() {
        return true;
    }
}
