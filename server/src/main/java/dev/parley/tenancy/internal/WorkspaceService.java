package dev.parley.tenancy.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Caller.KeyKind;
import dev.parley.platform.Ids;
import dev.parley.platform.Mode;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.Scope;
import dev.parley.tenancy.Plan;
import dev.parley.tenancy.StoreSettings;
import dev.parley.tenancy.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates workspaces and changes them. Settings change by JSON merge patch over the current ones: a field sent
 * replaces its value, {@code null} restores the default, a field left out is kept.
 */
@Service
class WorkspaceService implements Workspaces {

    static final java.time.Duration SETTINGS_TTL = java.time.Duration.ofSeconds(5);

    private final com.github.benmanes.caffeine.cache.Cache<String, Workspace> recentlyRead =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterWrite(SETTINGS_TTL)
                    .maximumSize(100_000)
                    .build();
    private final WorkspaceRepository workspaces;
    private final ApiKeys keys;
    private final JsonMapper json;
    private final Clock clock;

    WorkspaceService(WorkspaceRepository workspaces, ApiKeys keys, JsonMapper json, Clock clock) {
        this.workspaces = workspaces;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    record Draft(String name, List<String> domains, String platform, Plan plan, Long quotaPerHour, JsonNode settings) {}

    record Created(Workspace workspace, ApiKeys.Issued key) {}

    /** A new workspace and its first live secret key, with every scope but platform administration. */
    @Transactional
    Created create(Draft draft) {
        Instant now = clock.instant();
        Workspace workspace = new Workspace(
                Ids.next("store"),
                draft.name(),
                draft.domains(),
                draft.platform() == null ? "custom" : draft.platform(),
                draft.plan() == null ? Plan.STARTER : draft.plan(),
                draft.quotaPerHour(),
                mergeSettings(StoreSettings.defaults(), draft.settings()),
                now,
                now);
        workspaces.insert(workspace);
        ApiKeys.Issued key =
                keys.issue(workspace.id(), KeyKind.SECRET, Mode.LIVE, "Default key", Scope.secretDefaults());
        return new Created(workspace, key);
    }

    /** The bootstrap workspace of a new installation, with the operator's key holding every scope. */
    @Transactional
    Created createBootstrap(String name, String secret) {
        Instant now = clock.instant();
        Workspace workspace = new Workspace(
                Ids.next("store"),
                name,
                List.of("localhost"),
                "demo",
                Plan.ENTERPRISE,
                null,
                StoreSettings.defaults(),
                now,
                now);
        workspaces.insert(workspace);
        return new Created(workspace, keys.register(workspace.id(), secret, "Admin key", EnumSet.allOf(Scope.class)));
    }

    Workspace get(Caller caller, String workspaceId) {
        if (!caller.isPlatformAdmin() && !caller.workspaceId().equals(workspaceId)) {
            throw ApiException.notFound("store", workspaceId);
        }
        return workspaces.find(workspaceId).orElseThrow(() -> ApiException.notFound("store", workspaceId));
    }

    Page<Workspace> list(Caller caller, PageQuery page) {
        if (caller.isPlatformAdmin()) {
            return Page.of(workspaces.page(page), page, workspaces.count());
        }
        List<Workspace> own = page.page() == 1 ? List.of(get(caller, caller.workspaceId())) : List.of();
        return Page.of(own, page, 1);
    }

    record Changes(
            String name, List<String> domains, String platform, Plan plan, Long quotaPerHour, JsonNode settings) {}

    @Transactional
    Workspace update(Caller caller, String workspaceId, Changes changes) {
        Workspace current = get(caller, workspaceId);
        caller.requireLiveMode();
        if ((changes.plan() != null || changes.quotaPerHour() != null) && !caller.isPlatformAdmin()) {
            throw ApiException.forbidden(Scope.PLATFORM_ADMIN.value());
        }
        Workspace updated = new Workspace(
                current.id(),
                changes.name() != null ? changes.name() : current.name(),
                changes.domains() != null ? changes.domains() : current.domains(),
                changes.platform() != null ? changes.platform() : current.platform(),
                changes.plan() != null ? changes.plan() : current.plan(),
                changes.quotaPerHour() != null ? changes.quotaPerHour() : current.quotaPerHour(),
                mergeSettings(current.settings(), changes.settings()),
                current.createdAt(),
                clock.instant());
        workspaces.update(updated);
        keys.forgetCachedCallers();
        recentlyRead.invalidate(updated.id());
        return updated;
    }

    @Override
    public String name(String workspaceId) {
        return workspaces
                .find(workspaceId)
                .orElseThrow(() -> ApiException.notFound("store", workspaceId))
                .name();
    }

    @Override
    public List<String> domains(String workspaceId) {
        return workspaces
                .find(workspaceId)
                .orElseThrow(() -> ApiException.notFound("store", workspaceId))
                .domains();
    }

    @Override
    @Transactional
    public StoreSettings changeSettings(Caller caller, StoreSettings settings) {
        caller.require(Scope.SETTINGS_WRITE);
        return update(
                        caller,
                        caller.workspaceId(),
                        new Changes(null, null, null, null, null, json.valueToTree(settings)))
                .settings();
    }

    @Override
    @Transactional
    public List<String> changeDomains(Caller caller, List<String> domains) {
        if (domains == null) {
            throw ApiException.missingField("domains");
        }
        return update(caller, caller.workspaceId(), new Changes(null, domains, null, null, null, null))
                .domains();
    }

    /**
     * Settings and platform are read on every assistant turn, so the workspace is kept for a few seconds; a change
     * made on this node is seen at once, one made on another node within {@link #SETTINGS_TTL}.
     */
    @Override
    public StoreSettings settings(String workspaceId) {
        return recentlyRead(workspaceId).settings();
    }

    @Override
    public String platform(String workspaceId) {
        return recentlyRead(workspaceId).platform();
    }

    private Workspace recentlyRead(String workspaceId) {
        return recentlyRead.get(
                workspaceId, id -> workspaces.find(id).orElseThrow(() -> ApiException.notFound("store", id)));
    }

    @Override
    public List<String> ids() {
        return workspaces.ids();
    }

    private StoreSettings mergeSettings(StoreSettings current, JsonNode patch) {
        if (patch == null || patch.isNull()) {
            return current;
        }
        if (!patch.isObject()) {
            throw ApiException.invalidField("settings", "invalid_type");
        }
        ObjectNode defaults = json.valueToTree(StoreSettings.defaults());
        ObjectNode merged = json.valueToTree(current);
        mergePatch(merged, (ObjectNode) patch, defaults);
        try {
            return json.treeToValue(merged, StoreSettings.class);
        } catch (JacksonException e) {
            ApiException.in(e).ifPresent(cause -> {
                throw cause;
            });
            String path = dev.parley.platform.JsonPaths.of(e);
            String reason = e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException
                    ? "unknown_field"
                    : "invalid_type";
            throw ApiException.invalidField(path.isEmpty() ? "settings" : "settings." + path, reason);
        }
    }

    /** RFC 7386 merge, with {@code null} meaning "back to the default" rather than "absent". */
    private static void mergePatch(ObjectNode target, ObjectNode patch, JsonNode defaults) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode fallback = defaults == null ? null : defaults.get(name);
            if (value.isNull()) {
                if (fallback == null) {
                    target.putNull(name);
                } else {
                    target.set(name, fallback.deepCopy());
                }
            } else if (value.isObject() && target.get(name) instanceof ObjectNode nested) {
                mergePatch(nested, (ObjectNode) value, fallback);
            } else {
                target.set(name, value);
            }
        }
    }
}
