package dev.parley.widget.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.ErrorCode;
import dev.parley.platform.Ids;
import dev.parley.platform.Scope;
import dev.parley.tenancy.Workspaces;
import dev.parley.widget.Trigger;
import dev.parley.widget.WidgetConfig;
import dev.parley.widget.Widgets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The widget configuration and triggers of the caller's workspace. Changes need a live key with settings:write. */
@Service
class WidgetService implements Widgets {

    static final int MAX_TRIGGERS = 100;

    private final WidgetRows widgetRows;
    private final Workspaces workspaces;
    private final Clock clock;

    WidgetService(WidgetRows widgetRows, Workspaces workspaces, Clock clock) {
        this.widgetRows = widgetRows;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    @Override
    public WidgetConfig config(Caller caller) {
        WidgetConfig stored = widgetRows.config(caller.workspaceId()).orElse(WidgetConfig.defaults());
        return withDomains(stored, workspaces.domains(caller.workspaceId()));
    }

    @Override
    @Transactional
    public WidgetConfig change(Caller caller, ConfigChange change) {
        writable(caller);
        WidgetConfig c = widgetRows.config(caller.workspaceId()).orElse(WidgetConfig.defaults());
        BrandingChange brandingChange = change.branding() == null ? new BrandingChange(null, null) : change.branding();
        BehaviorChange behaviorChange =
                change.behavior() == null ? new BehaviorChange(null, null, null, null) : change.behavior();
        WidgetConfig.Branding branding = new WidgetConfig.Branding(
                or(brandingChange.showPoweredBy(), c.branding().showPoweredBy()),
                brandingChange.logoUrl() == null
                        ? c.branding().logoUrl()
                        : brandingChange.logoUrl().isBlank() ? null : brandingChange.logoUrl());
        WidgetConfig.Behavior behavior = new WidgetConfig.Behavior(
                or(behaviorChange.autoOpen(), c.behavior().autoOpen()),
                or(behaviorChange.showOnPages(), c.behavior().showOnPages()),
                or(behaviorChange.hideOnMobile(), c.behavior().hideOnMobile()),
                or(behaviorChange.preChatChoice(), c.behavior().preChatChoice()));
        WidgetConfig changed = new WidgetConfig(
                or(change.color(), c.color()),
                or(change.shape(), c.shape()),
                or(change.position(), c.position()),
                or(change.buttonText(), c.buttonText()),
                or(change.welcomeMessage(), c.welcomeMessage()),
                or(change.offlineMessage(), c.offlineMessage()),
                branding,
                or(change.theme(), c.theme()),
                or(change.fontFamily(), c.fontFamily()),
                or(change.borderRadius(), c.borderRadius()),
                behavior,
                List.of(),
                null);
        Instant now = clock.instant();
        widgetRows.save(caller.workspaceId(), changed, now);
        List<String> domains = change.domains() == null
                ? workspaces.domains(caller.workspaceId())
                : workspaces.changeDomains(caller, change.domains());
        return withDomains(widgetRows.config(caller.workspaceId()).orElseThrow(), domains);
    }

    @Override
    public List<Trigger> triggers(Caller caller) {
        return widgetRows.triggers(caller.workspaceId());
    }

    Trigger trigger(Caller caller, String id) {
        return widgetRows.trigger(caller.workspaceId(), id).orElseThrow(() -> ApiException.notFound("trigger", id));
    }

    @Override
    @Transactional
    public Trigger createTrigger(Caller caller, TriggerDraft draft) {
        writable(caller);
        Instant now = clock.instant();
        Trigger trigger = new Trigger(
                Ids.next("trigger"),
                draft.name(),
                draft.condition(),
                draft.delaySeconds() == null ? 0 : draft.delaySeconds(),
                draft.message(),
                draft.urlPattern(),
                draft.active() == null || draft.active(),
                now,
                now);
        if (widgetRows.countTriggers(caller.workspaceId()) >= MAX_TRIGGERS) {
            throw new ApiException(
                    ErrorCode.INVALID_REQUEST,
                    "error.invalid_request.too_many_triggers",
                    Map.of("reason", "too_many_triggers", "limit", MAX_TRIGGERS),
                    MAX_TRIGGERS);
        }
        widgetRows.insert(caller.workspaceId(), trigger);
        return trigger;
    }

    @Override
    @Transactional
    public Trigger changeTrigger(Caller caller, String id, TriggerDraft change) {
        writable(caller);
        Trigger current = trigger(caller, id);
        Trigger changed = new Trigger(
                current.id(),
                or(change.name(), current.name()),
                or(change.condition(), current.condition()),
                or(change.delaySeconds(), current.delaySeconds()),
                or(change.message(), current.message()),
                or(change.urlPattern(), current.urlPattern()),
                or(change.active(), current.active()),
                current.createdAt(),
                clock.instant());
        widgetRows.update(caller.workspaceId(), changed);
        return changed;
    }

    @Override
    @Transactional
    public void deleteTrigger(Caller caller, String id) {
        writable(caller);
        if (!widgetRows.delete(caller.workspaceId(), id)) {
            throw ApiException.notFound("trigger", id);
        }
    }

    private static void writable(Caller caller) {
        caller.require(Scope.SETTINGS_WRITE);
        caller.requireLiveMode();
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    private static WidgetConfig withDomains(WidgetConfig c, List<String> domains) {
        return new WidgetConfig(
                c.color(),
                c.shape(),
                c.position(),
                c.buttonText(),
                c.welcomeMessage(),
                c.offlineMessage(),
                c.branding(),
                c.theme(),
                c.fontFamily(),
                c.borderRadius(),
                c.behavior(),
                domains,
                c.updatedAt());
    }
}
