package dev.parley.widget.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Page;
import dev.parley.platform.PageQuery;
import dev.parley.platform.RequiresScope;
import dev.parley.platform.Scope;
import dev.parley.platform.WidgetAccess;
import dev.parley.tenancy.Workspaces;
import dev.parley.widget.Trigger;
import dev.parley.widget.WidgetConfig;
import dev.parley.widget.Widgets;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seed 003's widget configuration and automation triggers. A publishable key (the widget itself, from an allowed
 * origin) reads the public part of the configuration with the active triggers; secret keys and admins manage both.
 */
@RestController
class WidgetController {

    private final WidgetService widgets;
    private final Workspaces workspaces;
    private final Clock clock;

    WidgetController(WidgetService widgets, Workspaces workspaces, Clock clock) {
        this.widgets = widgets;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /**
     * What the widget script needs: no domains, only active triggers.
     *
     * @param online whether the store's humans are at work now (its working hours); outside them the widget greets
     *     with the offline message
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PublicConfig(
            String storeName,
            String color,
            String shape,
            String position,
            String buttonText,
            String welcomeMessage,
            String offlineMessage,
            boolean online,
            WidgetConfig.Branding branding,
            String theme,
            String fontFamily,
            int borderRadius,
            WidgetConfig.Behavior behavior,
            List<Trigger> triggers) {}

    @GetMapping("/v1/widget/config")
    @WidgetAccess
    Object config(Caller caller) {
        if (caller.has(Scope.WIDGET)) {
            WidgetConfig c = widgets.config(caller);
            return new PublicConfig(
                    workspaces.name(caller.workspaceId()),
                    c.color(),
                    c.shape(),
                    c.position(),
                    c.buttonText(),
                    c.welcomeMessage(),
                    c.offlineMessage(),
                    workspaces.settings(caller.workspaceId()).workingHours().openAt(clock.instant()),
                    c.branding(),
                    c.theme(),
                    c.fontFamily(),
                    c.borderRadius(),
                    c.behavior(),
                    widgets.triggers(caller).stream().filter(Trigger::active).toList());
        }
        caller.require(Scope.SETTINGS_READ);
        return widgets.config(caller);
    }

    /** Seed 003's fields, seed 002's {@code greeting} as another name for {@code welcome_message}. */
    record ConfigPatch(
            String color,
            String shape,
            String position,
            String buttonText,
            String welcomeMessage,
            String greeting,
            String offlineMessage,
            Widgets.BrandingChange branding,
            String theme,
            String fontFamily,
            Integer borderRadius,
            Widgets.BehaviorChange behavior,
            List<String> domains) {}

    @PatchMapping("/v1/widget/config")
    @RequiresScope(Scope.SETTINGS_WRITE)
    WidgetConfig change(Caller caller, @RequestBody ConfigPatch patch) {
        if (patch.welcomeMessage() != null && patch.greeting() != null) {
            throw ApiException.invalidField("greeting", "invalid_value");
        }
        return widgets.change(
                caller,
                new Widgets.ConfigChange(
                        patch.color(),
                        patch.shape(),
                        patch.position(),
                        patch.buttonText(),
                        patch.welcomeMessage() != null ? patch.welcomeMessage() : patch.greeting(),
                        patch.offlineMessage(),
                        patch.branding(),
                        patch.theme(),
                        patch.fontFamily(),
                        patch.borderRadius(),
                        patch.behavior(),
                        patch.domains()));
    }

    @GetMapping("/v1/automation/triggers")
    @RequiresScope(Scope.SETTINGS_READ)
    Page<Trigger> triggers(
            Caller caller,
            @RequestParam(required = false) Integer page,
            @RequestParam(name = "per_page", required = false) Integer perPage) {
        PageQuery query = PageQuery.of(page, perPage == null ? PageQuery.MAX_PER_PAGE : perPage);
        List<Trigger> all = widgets.triggers(caller);
        List<Trigger> slice =
                all.stream().skip(query.offset()).limit(query.perPage()).toList();
        return Page.of(slice, query, all.size());
    }

    @PostMapping("/v1/automation/triggers")
    @RequiresScope(Scope.SETTINGS_WRITE)
    @ResponseStatus(HttpStatus.CREATED)
    Trigger create(Caller caller, @RequestBody Widgets.TriggerDraft draft) {
        return widgets.createTrigger(caller, draft);
    }

    @GetMapping("/v1/automation/triggers/{trigger_id}")
    @RequiresScope(Scope.SETTINGS_READ)
    Trigger get(Caller caller, @PathVariable("trigger_id") String id) {
        return widgets.trigger(caller, id);
    }

    @PatchMapping("/v1/automation/triggers/{trigger_id}")
    @RequiresScope(Scope.SETTINGS_WRITE)
    Trigger change(Caller caller, @PathVariable("trigger_id") String id, @RequestBody Widgets.TriggerDraft change) {
        return widgets.changeTrigger(caller, id, change);
    }

    @DeleteMapping("/v1/automation/triggers/{trigger_id}")
    @RequiresScope(Scope.SETTINGS_WRITE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable("trigger_id") String id) {
        widgets.deleteTrigger(caller, id);
    }
}
