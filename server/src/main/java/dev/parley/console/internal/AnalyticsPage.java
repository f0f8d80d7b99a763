package dev.parley.console.internal;

import dev.parley.analytics.AnalyticsDashboard;
import dev.parley.platform.Caller;
import dev.parley.platform.Scope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** Analytics dashboard: the analytics module's figures, drawn with Chart.js served from a local webjar. */
@Controller
class AnalyticsPage {

    static final List<Integer> PERIODS = List.of(7, 30, 90);

    private final ConsoleController console;
    private final AnalyticsDashboard dashboard;
    private final JsonMapper json;

    AnalyticsPage(ConsoleController console, AnalyticsDashboard dashboard, JsonMapper json) {
        this.console = console;
        this.dashboard = dashboard;
        this.json = json;
    }

    @GetMapping("/console/analytics")
    String page(
            @RequestAttribute(ConsoleGuard.CALLER) Caller caller,
            @RequestParam(defaultValue = "30") String days,
            HttpServletRequest request,
            Model model) {
        caller.require(Scope.ANALYTICS_READ);
        int period = PERIODS.stream()
                .filter(p -> String.valueOf(p).equals(days))
                .findFirst()
                .orElse(30);
        console.common(caller, request, model);
        model.addAttribute("days", period);
        model.addAttribute("periods", PERIODS);
        AnalyticsDashboard.Figures figures = dashboard.lastDays(caller, period);
        model.addAttribute("figures", figures);
        // JSON in a data attribute, read by /console/analytics.js: the console's CSP runs no inline script
        model.addAttribute(
                "chartJson",
                json.writeValueAsString(Map.of(
                        "dates",
                        figures.days().stream().map(d -> d.date().toString()).toList(),
                        "conversations",
                        figures.days().stream()
                                .map(AnalyticsDashboard.Day::conversations)
                                .toList(),
                        "bySentiment",
                        figures.bySentiment(),
                        "byIntent",
                        figures.byIntent(),
                        "actionsTaken",
                        figures.actionsTaken())));
        return "console/analytics";
    }
}
