package dev.parley.console.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Scope;
import dev.parley.webhook.WebhookAdmin;
import dev.parley.webhook.WebhookCatalogue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** Admin page: webhook subscriptions, and each one's delivery log with redelivery. */
@Controller
class WebhooksPage {

    private final ConsoleController console;
    private final WebhookAdmin webhooks;
    private final ConsoleSession sessions;

    WebhooksPage(ConsoleController console, WebhookAdmin webhooks, ConsoleSession sessions) {
        this.console = console;
        this.sessions = sessions;
        this.webhooks = webhooks;
    }

    @GetMapping("/console/webhooks")
    String list(@RequestAttribute(ConsoleGuard.CALLER) Caller caller, HttpServletRequest request, Model model) {
        caller.require(Scope.WEBHOOKS_WRITE);
        console.common(caller, request, model);
        model.addAttribute("webhooks", webhooks.list(caller));
        model.addAttribute("events", WebhookCatalogue.EVENTS);
        model.addAttribute("signatureFormats", webhooks.signatureFormats());
        return "console/webhooks";
    }

    @PostMapping("/console/webhooks")
    String create(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) List<String> events,
            @RequestParam(name = "signature_format", required = false) String signatureFormat,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        caller.require(Scope.WEBHOOKS_WRITE);
        try {
            WebhookAdmin.Webhook created =
                    webhooks.create(caller, url, events == null ? List.of("*") : events, signatureFormat);
            model.addAttribute("created", created);
            return detail(caller, created.id(), null, request, model);
        } catch (ApiException refused) {
            response.setStatus(refused.code().status());
            model.addAttribute("error", console.message(refused, request));
            model.addAttribute("url", url);
            model.addAttribute("signatureFormat", signatureFormat);
            return list(caller, request, model);
        }
    }

    @GetMapping("/console/webhooks/{id}")
    String detail(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String error,
            HttpServletRequest request,
            Model model) {
        caller.require(Scope.WEBHOOKS_WRITE);
        console.common(caller, request, model);
        model.addAttribute("webhook", webhooks.get(caller, id));
        model.addAttribute("deliveries", webhooks.deliveries(caller, id));
        model.addAttribute("error", error);
        return "console/webhook";
    }

    @GetMapping("/console/webhooks/{id}/deliveries")
    String deliveries(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @PathVariable String id,
            HttpServletRequest request,
            Model model) {
        caller.require(Scope.WEBHOOKS_WRITE);
        model.addAttribute("csrf", sessions.csrf(request));
        model.addAttribute("words", console.words());
        model.addAttribute("webhook", webhooks.get(caller, id));
        model.addAttribute("deliveries", webhooks.deliveries(caller, id));
        return "console/webhook :: deliveries";
    }

    @PostMapping("/console/webhooks/{id}/test")
    String test(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller, @PathVariable String id, HttpServletRequest request) {
        caller.require(Scope.WEBHOOKS_WRITE);
        return act(id, request, () -> webhooks.test(caller, id));
    }

    @PostMapping("/console/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    String redeliver(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @PathVariable String id,
            @PathVariable String deliveryId,
            HttpServletRequest request) {
        caller.require(Scope.WEBHOOKS_WRITE);
        return act(id, request, () -> webhooks.redeliver(caller, id, deliveryId));
    }

    @PostMapping("/console/webhooks/{id}/delete")
    String delete(@RequestAttribute(ConsoleGuard.CALLER) Caller caller, @PathVariable String id) {
        caller.require(Scope.WEBHOOKS_WRITE);
        webhooks.delete(caller, id);
        return "redirect:/console/webhooks";
    }

    private String act(String id, HttpServletRequest request, Runnable action) {
        String back = "/console/webhooks/" + id;
        try {
            action.run();
            return "redirect:" + back;
        } catch (ApiException refused) {
            if (refused.code().status() == 404) {
                throw refused;
            }
            return "redirect:" + back + "?error="
                    + URLEncoder.encode(console.message(refused, request), StandardCharsets.UTF_8);
        }
    }
}
