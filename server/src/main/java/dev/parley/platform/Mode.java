package dev.parley.platform;

/** Live or test: test keys act on test data only, as in Stripe. */
public enum Mode {
    LIVE,
    TEST;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
