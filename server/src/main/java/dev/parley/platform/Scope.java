package dev.parley.platform;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The permissions a key can hold: seed 001's list, extended as modules need. */
public enum Scope {
    CONVERSATIONS_READ("conversations:read"),
    CONVERSATIONS_WRITE("conversations:write"),
    CONVERSATIONS_ESCALATE("conversations:escalate"),
    ORDERS_READ("orders:read"),
    ANALYTICS_READ("analytics:read"),
    /** Record clients' own analytics events (seed 004); publishable widget keys may too. */
    ANALYTICS_WRITE("analytics:write"),
    KNOWLEDGE_READ("knowledge:read"),
    KNOWLEDGE_WRITE("knowledge:write"),
    SETTINGS_READ("settings:read"),
    SETTINGS_WRITE("settings:write"),
    KEYS_WRITE("keys:write"),
    /** Invite, change and deactivate console users (agents and admins). */
    AGENTS_WRITE("agents:write"),
    MONITORING_READ("monitoring:read"),
    WEBHOOKS_READ("webhooks:read"),
    WEBHOOKS_WRITE("webhooks:write"),
    /** Export and erase a customer's personal data (GDPR). */
    PRIVACY_WRITE("privacy:write"),
    /** What a publishable widget key may do: open and continue widget conversations. */
    WIDGET("widget"),
    /** Operators of a Parley installation: create and list workspaces. Never granted by default. */
    PLATFORM_ADMIN("platform:admin");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Scope> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }

    /** What a secret key gets when its creator names no scopes: everything but platform administration. */
    public static Set<Scope> secretDefaults() {
        EnumSet<Scope> all = EnumSet.allOf(Scope.class);
        all.remove(PLATFORM_ADMIN);
        all.remove(WIDGET);
        return all;
    }
}
