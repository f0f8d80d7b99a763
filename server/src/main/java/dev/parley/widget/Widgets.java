package dev.parley.widget;

import dev.parley.platform.Caller;
import java.util.List;

/** What other modules (the console) may ask of the widget module; every call is scoped to the caller's workspace. */
public interface Widgets {

    WidgetConfig config(Caller caller);

    /**
     * Changes the fields given (non-null) and keeps the others; {@code domains} changes the workspace's allowed
     * domains. A test key may not.
     */
    WidgetConfig change(Caller caller, ConfigChange change);

    List<Trigger> triggers(Caller caller);

    Trigger createTrigger(Caller caller, TriggerDraft draft);

    /** Changes the fields given (non-null). */
    Trigger changeTrigger(Caller caller, String id, TriggerDraft change);

    void deleteTrigger(Caller caller, String id);

    /** Fields of a widget configuration change; {@code null} leaves a field as it is. */
    record ConfigChange(
            String color,
            String shape,
            String position,
            String buttonText,
            String welcomeMessage,
            String offlineMessage,
            BrandingChange branding,
            String theme,
            String fontFamily,
            Integer borderRadius,
            BehaviorChange behavior,
            List<String> domains) {}

    record BrandingChange(Boolean showPoweredBy, String logoUrl) {}

    record BehaviorChange(Boolean autoOpen, List<String> showOnPages, Boolean hideOnMobile, Boolean preChatChoice) {}

    record TriggerDraft(
            String name, String condition, Integer delaySeconds, String message, String urlPattern, Boolean active) {}
}
