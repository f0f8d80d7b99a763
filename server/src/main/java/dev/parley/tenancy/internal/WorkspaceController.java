package dev.parley.tenancy.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import dev.parley.tenancy.Plan;
import dev.parley.tenancy.StoreIntegrations;
import dev.parley.tenancy.StoreIntegrations.IntegrationsBlock;
import dev.parley.tenancy.StoreSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Workspaces (the API calls them stores): seed 001's {@code GET/PATCH /stores/{store_id}}, and onboarding by a platform admin. */
@RestController
class WorkspaceController {

    private final WorkspaceService workspaceService;

    private final List<StoreIntegrations> integrations;

    WorkspaceController(WorkspaceService workspaceService, List<StoreIntegrations> integrations) {
        this.workspaceService = workspaceService;
        this.integrations = integrations;
    }

    /** The store resource with what the workspace has connected (seed 001's {@code integrations}). */
    private StoreResponse view(Workspace w) {
        IntegrationsBlock connected =
                integrations.stream().findFirst().map(i -> i.of(w.id())).orElse(IntegrationsBlock.NONE);
        return StoreResponse.of(w, connected);
    }

    record CreateStoreRequest(
            String name,
            String domain,
            List<String> domains,
            String platform,
            String plan,
            Long quotaPerHour,
            JsonNode settings) {}

    record UpdateStoreRequest(
            String name,
            String domain,
            List<String> domains,
            String platform,
            String plan,
            Long quotaPerHour,
            JsonNode settings) {}

    record StoreResponse(
            String id,
            String name,
            String domain,
            List<String> domains,
            String platform,
            String plan,
            long hourlyQuota,
            StoreSettings settings,
            IntegrationsBlock integrations,
            Instant createdAt,
            Instant updatedAt) {

        static StoreResponse of(Workspace w, IntegrationsBlock integrations) {
            return new StoreResponse(
                    w.id(),
                    w.name(),
                    w.domain(),
                    w.domains(),
                    w.platform(),
                    w.plan().wire(),
                    w.hourlyQuota(),
                    w.settings(),
                    integrations,
                    w.createdAt(),
                    w.updatedAt());
        }
    }

    record StoreCreated(StoreResponse store, ApiKeyController.KeyResponse apiKey) {}

    record StoreUpdated(boolean updated, StoreSettings settings, StoreResponse store) {}

    @PostMapping("/v1/stores")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresScope(Scope.PLATFORM_ADMIN)
    StoreCreated create(Caller caller, @RequestBody CreateStoreRequest request) {
        // A new workspace comes with a live key, so only a live key may make one.
        caller.requireLiveMode();
        WorkspaceService.Created created = workspaceService.create(new WorkspaceService.Draft(
                request.name(),
                domains(request.domain(), request.domains()),
                request.platform(),
                request.plan() == null ? null : Plan.of(request.plan()),
                request.quotaPerHour(),
                request.settings()));
        return new StoreCreated(view(created.workspace()), ApiKeyController.KeyResponse.issued(created.key()));
    }

    @GetMapping("/v1/stores")
    @RequiresScope(Scope.SETTINGS_READ)
    Page<StoreResponse> list(
            Caller caller,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        return workspaceService.list(caller, PageQuery.of(page, perPage)).map(this::view);
    }

    @GetMapping("/v1/stores/{store_id}")
    @RequiresScope(Scope.SETTINGS_READ)
    StoreResponse get(Caller caller, @PathVariable("store_id") String workspaceId) {
        return view(workspaceService.get(caller, workspaceId));
    }

    @PatchMapping("/v1/stores/{store_id}")
    @RequiresScope(Scope.SETTINGS_WRITE)
    StoreUpdated update(
            Caller caller, @PathVariable("store_id") String workspaceId, @RequestBody UpdateStoreRequest request) {
        Workspace updated = workspaceService.update(
                caller,
                workspaceId,
                new WorkspaceService.Changes(
                        request.name(),
                        request.domain() == null && request.domains() == null
                                ? null
                                : domains(request.domain(), request.domains()),
                        request.platform(),
                        request.plan() == null ? null : Plan.of(request.plan()),
                        request.quotaPerHour(),
                        request.settings()));
        return new StoreUpdated(true, updated.settings(), view(updated));
    }

    /** Seed 001 names one {@code domain}; Parley keeps a list whose first entry is that primary domain. */
    private static List<String> domains(String domain, List<String> domains) {
        List<String> all = new ArrayList<>();
        if (domain != null) {
            all.add(domain);
        }
        if (domains != null) {
            if (domains.contains(null)) {
                throw ApiException.invalidField("domains", "invalid_value");
            }
            all.addAll(domains);
        }
        return all;
    }
}
