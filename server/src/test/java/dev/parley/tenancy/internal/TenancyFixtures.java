package dev.parley.tenancy.internal;

import dev.parley.platform.Caller.KeyKind;
import dev.parley.platform.Mode;
import dev.parley.platform.Scope;
import dev.parley.tenancy.Plan;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Makes workspaces and keys for tests straight through the tenancy module, so fixtures do not spend the admin key's
 * rate limits. Onboarding over HTTP has tests of its own.
 */
public class TenancyFixtures {

    public static final String ADMIN_KEY = "sk_live_TestAdminKey00000000000000000000";

    private final WorkspaceService workspaceService;
    private final ApiKeys keys;

    TenancyFixtures(WorkspaceService workspaceService, ApiKeys keys) {
        this.workspaceService = workspaceService;
        this.keys = keys;
    }

    /** A workspace and its default live key (every scope but platform administration). */
    public record TestWorkspace(String id, String liveKey) {}

    public TestWorkspace workspace(String plan, String... domains) {
        WorkspaceService.Created created = workspaceService.create(
                new WorkspaceService.Draft("Test store", List.of(domains), "custom", Plan.of(plan), null, null));
        return new TestWorkspace(created.workspace().id(), created.key().secret());
    }

    public TestWorkspace workspace() {
        return workspace("enterprise");
    }

    public String key(String workspaceId, Mode mode, Scope... scopes) {
        Set<Scope> granted = scopes.length == 0 ? Scope.secretDefaults() : EnumSet.copyOf(List.of(scopes));
        return keys.issue(workspaceId, KeyKind.SECRET, mode, "Test key", granted)
                .secret();
    }

    public String publishableKey(String workspaceId) {
        return keys.issue(workspaceId, KeyKind.PUBLISHABLE, Mode.LIVE, "Widget", Set.of())
                .secret();
    }
}
