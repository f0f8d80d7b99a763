package dev.parley.console.internal;

import dev.parley.assistant.ModelProviders;
import dev.parley.commerce.Integrations;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Scope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** Admin page: the store connection (demo, Shopify, WooCommerce), the helpdesk (Gorgias) and the language model. */
@Controller
class IntegrationsPage {

    private final ConsoleController console;
    private final Integrations integrations;
    private final ModelProviders models;

    IntegrationsPage(ConsoleController console, Integrations integrations, ModelProviders models) {
        this.console = console;
        this.integrations = integrations;
        this.models = models;
    }

    @GetMapping("/console/integrations")
    String page(@RequestAttribute(ConsoleGuard.CALLER) Caller caller, HttpServletRequest request, Model model) {
        caller.require(Scope.SETTINGS_WRITE);
        console.common(caller, request, model);
        model.addAttribute("store", integrations.store(caller));
        model.addAttribute("helpdesk", integrations.helpdesk(caller));
        model.addAttribute("model", models.current(caller));
        return "console/integrations";
    }

    @PostMapping("/console/integrations/store")
    String connectStore(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        caller.require(Scope.SETTINGS_WRITE);
        return act(
                caller,
                request,
                response,
                model,
                () -> integrations.connectStore(
                        caller,
                        form.get("platform"),
                        blankToNull(form.get("shop_domain")),
                        blankToNull(form.get("base_url")),
                        credentials(form, List.of("access_token", "consumer_key", "consumer_secret", "webhook_secret")),
                        maxDiscount(form.get("max_discount_percent"))));
    }

    @PostMapping("/console/integrations/store/disconnect")
    String disconnectStore(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        caller.require(Scope.SETTINGS_WRITE);
        return act(caller, request, response, model, () -> integrations.disconnectStore(caller));
    }

    @PostMapping("/console/integrations/helpdesk")
    String connectHelpdesk(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        caller.require(Scope.SETTINGS_WRITE);
        return act(
                caller,
                request,
                response,
                model,
                () -> integrations.connectHelpdesk(
                        caller,
                        blankToNull(form.get("base_url")),
                        credentials(form, List.of("username", "api_key", "webhook_secret"))));
    }

    @PostMapping("/console/integrations/helpdesk/disconnect")
    String disconnectHelpdesk(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        caller.require(Scope.SETTINGS_WRITE);
        return act(caller, request, response, model, () -> integrations.disconnectHelpdesk(caller));
    }

    @PostMapping("/console/integrations/model")
    String chooseModel(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        caller.require(Scope.SETTINGS_WRITE);
        return act(caller, request, response, model, () -> {
            if ("none".equals(form.get("provider"))) {
                models.offline(caller);
                return;
            }
            models.choose(
                    caller,
                    form.get("provider"),
                    blankToNull(form.get("base_url")),
                    blankToNull(form.get("model")),
                    blankToNull(form.get("api_key")),
                    temperature(form.get("temperature")));
        });
    }

    private String act(
            Caller caller, HttpServletRequest request, HttpServletResponse response, Model model, Runnable change) {
        try {
            change.run();
            return "redirect:/console/integrations";
        } catch (ApiException refused) {
            response.setStatus(refused.code().status());
            model.addAttribute("error", console.message(refused, request));
            return page(caller, request, model);
        }
    }

    /** Only the fields filled in: a blank secret is not sent, so the module names what is missing. */
    private static Map<String, String> credentials(Map<String, String> form, List<String> names) {
        Map<String, String> credentials = new LinkedHashMap<>();
        for (String name : names) {
            String value = blankToNull(form.get(name));
            if (value != null) {
                credentials.put(name, value);
            }
        }
        return credentials;
    }

    private static Integer maxDiscount(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("max_discount_percent", "invalid_format");
        }
    }

    private static Double temperature(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("temperature", "invalid_format");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
