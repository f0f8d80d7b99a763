package dev.parley.knowledge.internal;

import dev.parley.platform.Mode;
import dev.parley.tenancy.DemoWorkspaceCreated;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo workspace's help centre: five short articles (shipping, returns, refunds, store hours and locations,
 * payment methods) beside the demo store's orders, so knowledge questions have answers from the first start. They
 * are ordinary articles: the store's admin can change or delete them.
 */
@Component
class DemoHelpCentre {

    /** The articles, each {@code demo/help-centre/<category>.md} on the classpath, its first line the title. */
    static final List<String> CATEGORIES = List.of("shipping", "returns", "refunds", "stores", "payments");

    private final KnowledgeSources sources;

    DemoHelpCentre(KnowledgeSources sources) {
        this.sources = sources;
    }

    @EventListener
    void on(DemoWorkspaceCreated event) {
        List<KnowledgeSources.Draft> articles =
                CATEGORIES.stream().map(DemoHelpCentre::article).toList();
        // Test keys see a copy of their own, as they do of the demo store's orders.
        for (Mode mode : Mode.values()) {
            sources.createAll(event.workspaceId(), mode, "api", articles);
        }
    }

    static KnowledgeSources.Draft article(String category) {
        String text = resource("demo/help-centre/" + category + ".md");
        int firstLineEnd = text.indexOf('\n');
        String title =
                text.substring(0, firstLineEnd).replaceFirst("^#\\s*", "").strip();
        String content = text.substring(firstLineEnd + 1).strip();
        return new KnowledgeSources.Draft(
                "article", title, content, "markdown", category, List.of("help-centre"), null, "published", null, null);
    }

    private static String resource(String path) {
        try (InputStream in = DemoHelpCentre.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
