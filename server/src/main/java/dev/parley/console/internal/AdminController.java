package dev.parley.console.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Scope;
import dev.parley.widget.Widgets;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** Admin pages: the widget's configuration and triggers, with a live preview. */
@Controller
class AdminController {

    private final ConsoleController console;
    private final Widgets widgets;

    AdminController(ConsoleController console, Widgets widgets) {
        this.console = console;
        this.widgets = widgets;
    }

    @GetMapping("/console/widget")
    String widget(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @RequestParam(required = false) String error,
            HttpServletRequest request,
            Model model) {
        caller.require(Scope.SETTINGS_WRITE);
        console.common(caller, request, model);
        model.addAttribute("config", widgets.config(caller));
        model.addAttribute("triggers", widgets.triggers(caller));
        model.addAttribute("error", error);
        return "console/widget";
    }

    @PostMapping("/console/widget")
    String change(@RequestAttribute(ConsoleGuard.CALLER) Caller caller, @RequestParam Map<String, String> form) {
        caller.require(Scope.SETTINGS_WRITE);
        return act(() -> widgets.change(
                caller,
                new Widgets.ConfigChange(
                        form.get("color"),
                        form.get("shape"),
                        form.get("position"),
                        form.get("button_text"),
                        form.get("welcome_message"),
                        form.get("offline_message"),
                        new Widgets.BrandingChange(form.containsKey("show_powered_by"), form.get("logo_url")),
                        form.get("theme"),
                        null,
                        null,
                        new Widgets.BehaviorChange(
                                form.containsKey("auto_open"),
                                null,
                                form.containsKey("hide_on_mobile"),
                                form.containsKey("pre_chat_choice")),
                        form.get("domains") == null
                                ? null
                                : Arrays.stream(form.get("domains").split("[,\\s]+"))
                                        .filter(d -> !d.isBlank())
                                        .toList())));
    }

    @PostMapping("/console/triggers")
    String createTrigger(@RequestAttribute(ConsoleGuard.CALLER) Caller caller, @RequestParam Map<String, String> form) {
        caller.require(Scope.SETTINGS_WRITE);
        return act(() -> widgets.createTrigger(
                caller,
                new Widgets.TriggerDraft(
                        form.get("name"),
                        form.get("condition"),
                        integer(form.get("delay_seconds")),
                        form.get("message"),
                        form.get("url_pattern"),
                        true)));
    }

    @PostMapping("/console/triggers/{id}/{action}")
    String trigger(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @PathVariable String id,
            @PathVariable String action,
            @RequestParam(required = false) String active) {
        caller.require(Scope.SETTINGS_WRITE);
        return act(() -> {
            switch (action) {
                case "delete" -> widgets.deleteTrigger(caller, id);
                case "active" ->
                    widgets.changeTrigger(
                            caller, id, new Widgets.TriggerDraft(null, null, null, null, null, "true".equals(active)));
                default -> throw ApiException.notFound("action", action);
            }
        });
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isBlank() ? 0 : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("delay_seconds", "invalid_format");
        }
    }

    private static String act(Runnable change) {
        try {
            change.run();
            return "redirect:/console/widget";
        } catch (ApiException refused) {
            String field = String.valueOf(
                    refused.details().getOrDefault("field", refused.code().wire()));
            return "redirect:/console/widget?error=" + URLEncoder.encode(field, StandardCharsets.UTF_8);
        }
    }
}
