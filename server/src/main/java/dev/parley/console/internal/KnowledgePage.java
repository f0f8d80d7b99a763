package dev.parley.console.internal;

import dev.parley.knowledge.Articles;
import dev.parley.knowledge.Crawls;
import dev.parley.knowledge.KnowledgeEntries;
import dev.parley.platform.ApiException;
import dev.parley.platform.Caller;
import dev.parley.platform.Scope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Knowledge page: articles (list, write, change, delete), training data, document imports and website crawls. */
@Controller
class KnowledgePage {

    private final ConsoleController console;
    private final Articles articles;
    private final Crawls crawls;
    private final KnowledgeEntries entries;

    KnowledgePage(ConsoleController console, Articles articles, Crawls crawls, KnowledgeEntries entries) {
        this.entries = entries;
        this.console = console;
        this.articles = articles;
        this.crawls = crawls;
    }

    @GetMapping("/console/knowledge")
    String page(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @RequestParam(required = false) String edit,
            @RequestParam(required = false) String crawl,
            HttpServletRequest request,
            Model model) {
        caller.require(Scope.KNOWLEDGE_READ);
        console.common(caller, request, model);
        if (crawl != null) {
            model.addAttribute("crawl", crawls.status(caller, crawl));
        }
        model.addAttribute("articles", articles.list(caller));
        model.addAttribute("entries", entries.list(caller));
        model.addAttribute("writer", caller.has(Scope.KNOWLEDGE_WRITE));
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", edit == null ? null : articles.get(caller, edit));
        }
        return "console/knowledge";
    }

    @PostMapping("/console/knowledge")
    String save(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        caller.require(Scope.KNOWLEDGE_WRITE);
        String id = blankToNull(form.get("article_id"));
        Articles.ArticleDraft draft = new Articles.ArticleDraft(
                form.get("title"),
                form.get("content"),
                blankToNull(form.get("category")),
                Arrays.stream(form.getOrDefault("tags", "").split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .toList(),
                "draft".equals(form.get("status")) ? "draft" : "published");
        try {
            if (id == null) {
                articles.create(caller, draft);
            } else {
                articles.update(caller, id, draft);
            }
            return "redirect:/console/knowledge";
        } catch (ApiException refused) {
            if (refused.code().status() == 404) {
                throw refused;
            }
            response.setStatus(refused.code().status());
            model.addAttribute("error", console.message(refused, request));
            model.addAttribute(
                    "draft",
                    new Articles.Article(
                            id,
                            draft.title(),
                            draft.content(),
                            draft.category(),
                            draft.tags(),
                            draft.status(),
                            false,
                            0,
                            null));
            return page(caller, null, null, request, model);
        }
    }

    @PostMapping("/console/knowledge/training")
    String train(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        caller.require(Scope.KNOWLEDGE_WRITE);
        return change(
                caller,
                request,
                response,
                model,
                () -> entries.addTraining(
                        caller, form.get("type"), form.get("training_title"), form.get("training_content")));
    }

    @PostMapping("/console/knowledge/documents")
    String importDocument(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @RequestParam(name = "file", required = false) MultipartFile file,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        caller.require(Scope.KNOWLEDGE_WRITE);
        return change(caller, request, response, model, () -> {
            try {
                entries.importDocument(
                        caller,
                        file == null ? new byte[0] : file.getBytes(),
                        file == null ? null : file.getOriginalFilename(),
                        file == null ? null : file.getContentType());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private String change(
            Caller caller, HttpServletRequest request, HttpServletResponse response, Model model, Runnable change) {
        try {
            change.run();
            return "redirect:/console/knowledge";
        } catch (ApiException refused) {
            response.setStatus(refused.code().status());
            model.addAttribute("error", console.message(refused, request));
            return page(caller, null, null, request, model);
        }
    }

    @PostMapping("/console/knowledge/crawls")
    String crawl(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @RequestParam(required = false) String url,
            @RequestParam(name = "max_pages", required = false) String maxPages,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        caller.require(Scope.KNOWLEDGE_WRITE);
        try {
            int pages;
            try {
                pages = maxPages == null || maxPages.isBlank() ? 20 : Integer.parseInt(maxPages.strip());
            } catch (NumberFormatException e) {
                throw ApiException.invalidField("options.max_pages", "invalid_format");
            }
            Crawls.CrawlStatus started = crawls.start(caller, url, pages);
            return "redirect:/console/knowledge?crawl=" + started.jobId();
        } catch (ApiException refused) {
            response.setStatus(refused.code().status());
            model.addAttribute("error", console.message(refused, request));
            return page(caller, null, null, request, model);
        }
    }

    @GetMapping("/console/knowledge/crawls/{id}")
    String crawlProgress(@RequestAttribute(ConsoleGuard.CALLER) Caller caller, @PathVariable String id, Model model) {
        caller.require(Scope.KNOWLEDGE_READ);
        model.addAttribute("crawl", crawls.status(caller, id));
        return "console/knowledge :: crawl";
    }

    @PostMapping("/console/knowledge/{id}/delete")
    String delete(@RequestAttribute(ConsoleGuard.CALLER) Caller caller, @PathVariable String id) {
        caller.require(Scope.KNOWLEDGE_WRITE);
        articles.delete(caller, id);
        return "redirect:/console/knowledge";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
