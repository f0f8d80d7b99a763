package dev.parley.console.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Scope;
import dev.parley.tenancy.DiscountPolicy;
import dev.parley.tenancy.StoreSettings;
import dev.parley.tenancy.Workspaces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** Admin page: the store's policy and preferences (seed 001's settings), validated by {@link StoreSettings}. */
@Controller
class SettingsPage {

    private final ConsoleController console;
    private final Workspaces workspaces;

    SettingsPage(ConsoleController console, Workspaces workspaces) {
        this.console = console;
        this.workspaces = workspaces;
    }

    @GetMapping("/console/settings")
    String page(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @RequestParam(required = false) String saved,
            HttpServletRequest request,
            Model model) {
        caller.require(Scope.SETTINGS_WRITE);
        console.common(caller, request, model);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form(workspaces.settings(caller.workspaceId())));
        }
        model.addAttribute("saved", saved != null);
        model.addAttribute("days", StoreSettings.WorkingHours.ALL_DAYS);
        model.addAttribute(
                "tones", StoreSettings.BrandVoice.TONES.stream().sorted().toList());
        model.addAttribute(
                "nameUsages",
                StoreSettings.BrandVoice.NAME_USAGES.stream().sorted().toList());
        model.addAttribute(
                "strategies",
                StoreSettings.ASSIGNMENT_STRATEGIES.stream().sorted().toList());
        model.addAttribute("discountPolicies", DiscountPolicy.wires());
        return "console/settings";
    }

    @PostMapping("/console/settings")
    String save(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        caller.require(Scope.SETTINGS_WRITE);
        try {
            workspaces.changeSettings(caller, settings(form));
            return "redirect:/console/settings?saved";
        } catch (ApiException refused) {
            response.setStatus(refused.code().status());
            model.addAttribute("error", console.message(refused, request));
            model.addAttribute("errorField", refused.details().get("field"));
            model.addAttribute("form", form.toSingleValueMap());
            model.addAttribute("formDays", form.getOrDefault("days", List.of()));
            return page(caller, null, request, model);
        }
    }

    private static StoreSettings settings(MultiValueMap<String, String> form) {
        return new StoreSettings(
                decimal(form.getFirst("auto_refund_limit"), "settings.auto_refund_limit"),
                form.containsKey("auto_refund_enabled"),
                (int) number(form.getFirst("return_window_days"), "settings.return_window_days"),
                number(form.getFirst("escalation_confidence_threshold"), "settings.escalation_confidence_threshold"),
                new StoreSettings.WorkingHours(
                        form.getFirst("timezone"),
                        form.getFirst("start"),
                        form.getFirst("end"),
                        form.getOrDefault("days", List.of())),
                new StoreSettings.BrandVoice(
                        form.getFirst("tone"), form.getFirst("name_usage"), form.getFirst("assistant_name")),
                new StoreSettings.Notifications(
                        blankToNull(form.getFirst("escalation_email")), form.containsKey("daily_summary")),
                form.getFirst("assignment_strategy"),
                blankToNull(form.getFirst("retention_days")) == null
                        ? null
                        : (int) number(form.getFirst("retention_days"), "settings.retention_days"),
                blankToNull(form.getFirst("discount_policy")) == null
                        ? null
                        : DiscountPolicy.of(form.getFirst("discount_policy").strip()));
    }

    private static Map<String, Object> form(StoreSettings s) {
        Map<String, Object> form = new java.util.HashMap<>();
        form.put("auto_refund_limit", s.autoRefundLimit().toPlainString());
        form.put("auto_refund_enabled", s.autoRefundEnabled() ? "on" : null);
        form.put("return_window_days", String.valueOf(s.returnWindowDays()));
        form.put("escalation_confidence_threshold", String.valueOf(s.escalationConfidenceThreshold()));
        form.put("timezone", s.workingHours().timezone());
        form.put("start", s.workingHours().start());
        form.put("end", s.workingHours().end());
        form.put("tone", s.brandVoice().tone());
        form.put("name_usage", s.brandVoice().nameUsage());
        form.put("assistant_name", s.brandVoice().assistantName());
        form.put("escalation_email", s.notifications().escalationEmail());
        form.put("daily_summary", s.notifications().dailySummary() ? "on" : null);
        form.put("assignment_strategy", s.assignmentStrategy());
        form.put("retention_days", s.retentionDays() == null ? "" : String.valueOf(s.retentionDays()));
        form.put("discount_policy", s.discountPolicy().wire());
        form.put("days", s.workingHours().days());
        return form;
    }

    private static BigDecimal decimal(String value, String field) {
        try {
            return new BigDecimal(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(field, "invalid_format");
        }
    }

    private static double number(String value, String field) {
        BigDecimal number = decimal(value, field);
        if (field.endsWith("_days") && number.stripTrailingZeros().scale() > 0) {
            throw ApiException.invalidField(field, "invalid_format");
        }
        return number.doubleValue();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
