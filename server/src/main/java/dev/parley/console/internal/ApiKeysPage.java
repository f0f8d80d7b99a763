package dev.parley.console.internal;

import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Scope;
import dev.parley.tenancy.ApiKeyAdmin;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** Admin page: the workspace's API keys; a new key's secret is rendered in the response to its creation only. */
@Controller
class ApiKeysPage {

    private final ConsoleController console;
    private final ApiKeyAdmin keys;

    ApiKeysPage(ConsoleController console, ApiKeyAdmin keys) {
        this.console = console;
        this.keys = keys;
    }

    @GetMapping("/console/api-keys")
    String list(@RequestAttribute(ConsoleGuard.CALLER) Caller caller, HttpServletRequest request, Model model) {
        caller.require(Scope.KEYS_WRITE);
        console.common(caller, request, model);
        model.addAttribute("keys", keys.list(caller));
        return "console/api-keys";
    }

    @PostMapping("/console/api-keys")
    String create(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            Model model) {
        caller.require(Scope.KEYS_WRITE);
        try {
            model.addAttribute("issued", keys.issue(caller, form.get("name"), form.get("type"), form.get("mode")));
        } catch (ApiException refused) {
            model.addAttribute("error", console.message(refused, request));
        }
        return list(caller, request, model);
    }

    @PostMapping("/console/api-keys/{id}/revoke")
    String revoke(@RequestAttribute(ConsoleGuard.CALLER) Caller caller, @PathVariable String id) {
        caller.require(Scope.KEYS_WRITE);
        keys.revoke(caller, id);
        return "redirect:/console/api-keys";
    }
}
