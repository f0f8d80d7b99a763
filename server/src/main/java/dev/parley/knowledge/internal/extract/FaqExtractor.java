package dev.parley.knowledge.internal.extract;

import dev.parley.knowledge.internal.extract.TextBlocks.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;

/**
 * Question and answer pairs, from the most to the least explicit markup: schema.org FAQPage JSON-LD and microdata,
 * {@code <details>}, FAQ definition lists, and headings that ask a question. The first source to give a question wins.
 */
final class FaqExtractor {

    private static final Set<String> FAQ_PAGES = Set.of("FAQPage", "QAPage");

    private final Map<String, Faq> faqs = new LinkedHashMap<>();

    /** From the structured data of the whole page, before boilerplate is removed. */
    void fromStructuredData(JsonLd jsonLd, Document document) {
        for (JsonNode page : jsonLd.find(FAQ_PAGES)) {
            for (JsonNode question : jsonLd.objects(page, "mainEntity")) {
                String answer = firstAnswer(jsonLd, question, "acceptedAnswer");
                add(
                        JsonLd.string(question, "name"),
                        answer != null ? answer : firstAnswer(jsonLd, question, "suggestedAnswer"));
            }
        }
        for (Element page : Microdata.items(document, FAQ_PAGES)) {
            for (Element question : Microdata.properties(page, "mainEntity")) {
                String answer = question.hasAttr("itemscope")
                        ? Microdata.properties(question, "acceptedAnswer").stream()
                                .map(item -> Microdata.value(item, "text"))
                                .filter(text -> text != null)
                                .findFirst()
                                .orElse(null)
                        : null;
                add(Microdata.value(question, "name"), answer);
            }
        }
    }

    /** From the main content's markup: disclosure widgets, definition lists, and questions as headings. */
    void fromContent(Element main, List<Block> blocks) {
        for (Element details : main.select("details")) {
            Element summary = details.selectFirst("> summary");
            if (summary != null) {
                Element answer = details.clone();
                answer.select("> summary").remove();
                add(summary.text(), TextBlocks.plain(answer));
            }
        }
        for (Element list : main.select("dl")) {
            // Definition lists also hold specifications ("Weight: 2 kg"); only questions or an FAQ block count.
            boolean faqList = list.closest("[class*=faq], [id*=faq]") != null;
            for (Element term : list.select("> dt, > div > dt")) {
                String question = TextBlocks.clean(term.text());
                if (question != null && (faqList || isQuestion(question))) {
                    add(question, definition(term));
                }
            }
        }
        fromHeadings(blocks);
    }

    List<Faq> faqs() {
        return List.copyOf(faqs.values());
    }

    /** A heading h2 to h4 ending in "?" is answered by what follows it, up to the next heading as high or higher. */
    private void fromHeadings(List<Block> blocks) {
        for (int i = 0; i < blocks.size(); i++) {
            Block heading = blocks.get(i);
            if (heading.level() < 2 || !isQuestion(heading.text())) {
                continue;
            }
            List<String> lines = new ArrayList<>();
            for (int j = i + 1; j < blocks.size(); j++) {
                Block next = blocks.get(j);
                if (next.isHeading() && next.level() <= heading.level()) {
                    break;
                }
                lines.add(next.text());
            }
            add(heading.text(), String.join("\n", lines));
        }
    }

    /** The {@code <dd>} elements following a {@code <dt>}, up to the next term. */
    private static String definition(Element term) {
        List<String> parts = new ArrayList<>();
        for (Element next = term.nextElementSibling(); next != null; next = next.nextElementSibling()) {
            if (next.normalName().equals("dt")) {
                break;
            }
            if (next.normalName().equals("dd")) {
                parts.add(TextBlocks.plain(next));
            }
        }
        return String.join("\n", parts);
    }

    private static String firstAnswer(JsonLd jsonLd, JsonNode question, String property) {
        return jsonLd.objects(question, property).stream()
                .map(answer -> TextBlocks.fromHtml(JsonLd.string(answer, "text")))
                .filter(text -> text != null)
                .findFirst()
                .orElse(null);
    }

    private static boolean isQuestion(String text) {
        return text.endsWith("?") || text.endsWith("\uFF1F");
    }

    private void add(String rawQuestion, String rawAnswer) {
        String question = TextBlocks.fromHtml(rawQuestion);
        String answer = rawAnswer == null ? null : rawAnswer.strip();
        if (question == null || answer == null || answer.isEmpty()) {
            return;
        }
        faqs.putIfAbsent(key(question), new Faq(question, answer));
    }

    private static String key(String question) {
        return question.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
    }
}
