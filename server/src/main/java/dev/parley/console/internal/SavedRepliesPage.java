package dev.parley.console.internal;

import dev.parley.conversation.SavedReplies;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The workspace's saved replies: listed, added, changed and deleted; agents insert them with {@code /} as they reply. */
@Controller
class SavedRepliesPage {

    private final ConsoleController console;
    private final SavedReplies replies;

    SavedRepliesPage(ConsoleController console, SavedReplies replies) {
        this.console = console;
        this.replies = replies;
    }

    @GetMapping("/console/saved-replies")
    String list(@RequestAttribute(ConsoleGuard.CALLER) Caller caller, HttpServletRequest request, Model model) {
        console.common(caller, request, model);
        model.addAttribute(
                "replies",
                replies.list(caller, null, new PageQuery(1, PageQuery.MAX_PER_PAGE))
                        .data());
        model.addAttribute("variables", SavedReplies.VARIABLES);
        return "console/saved-replies";
    }

    @PostMapping("/console/saved-replies")
    String create(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            replies.create(caller, form.get("shortcut"), form.get("content"));
            return "redirect:/console/saved-replies";
        } catch (ApiException refused) {
            response.setStatus(refused.code().status());
            model.addAttribute("error", console.message(refused, request));
            model.addAttribute("draft", form);
            return list(caller, request, model);
        }
    }

    @PostMapping("/console/saved-replies/{id}")
    String update(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @PathVariable String id,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            replies.update(caller, id, form.get("shortcut"), form.get("content"));
            return "redirect:/console/saved-replies";
        } catch (ApiException refused) {
            if (refused.code().status() == 404) {
                throw refused;
            }
            response.setStatus(refused.code().status());
            model.addAttribute("error", console.message(refused, request));
            return list(caller, request, model);
        }
    }

    @PostMapping("/console/saved-replies/{id}/delete")
    String delete(@RequestAttribute(ConsoleGuard.CALLER) Caller caller, @PathVariable String id) {
        replies.delete(caller, id);
        return "redirect:/console/saved-replies";
    }
}
