package dev.parley.knowledge.internal.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Reads an element's text the way a reader sees it: one line per paragraph, list item or table row, inline markup
 * joined, whitespace collapsed; and, for page structure, h1 to h4 as headings between the lines.
 */
final class TextBlocks {

    /** A heading (level 1 to 4) or a line of text (level 0). */
    record Block(int level, String text) {

        boolean isHeading() {
            return level > 0;
        }
    }

    private static final Set<String> BLOCK_TAGS = Set.of(
            "address",
            "article",
            "aside",
            "blockquote",
            "br",
            "caption",
            "dd",
            "details",
            "dialog",
            "div",
            "dl",
            "dt",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hgroup",
            "hr",
            "li",
            "main",
            "nav",
            "ol",
            "p",
            "pre",
            "section",
            "summary",
            "table",
            "tbody",
            "tfoot",
            "thead",
            "tr",
            "ul");
    private static final Set<String> CELL_TAGS = Set.of("td", "th");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");

    private TextBlocks() {}

    /** Headings h1 to h4 and the lines between them, in document order. */
    static List<Block> structured(Element root) {
        return read(root, true);
    }

    /** An element's text, lines separated by newlines, headings read as lines. */
    static String plain(Element root) {
        return String.join("\n", read(root, false).stream().map(Block::text).toList());
    }

    /** Text of an HTML fragment (a JSON-LD answer, say); plain text passes through with its whitespace collapsed. */
    static String fromHtml(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String text = plain(Jsoup.parseBodyFragment(html).body());
        return text.isEmpty() ? null : text;
    }

    /** Whitespace collapsed and trimmed; null when nothing is left. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    static int headingLevel(Element element) {
        return switch (element.normalName()) {
            case "h1" -> 1;
            case "h2" -> 2;
            case "h3" -> 3;
            case "h4" -> 4;
            default -> 0;
        };
    }

    /** Headings and their text in sections, each with the path of headings above it. */
    static List<Section> sections(List<Block> blocks) {
        List<Section> sections = new ArrayList<>();
        String[] path = new String[5];
        List<String> lines = new ArrayList<>();
        for (Block block : blocks) {
            if (block.isHeading()) {
                addSection(sections, path, lines);
                path[block.level()] = block.text();
                Arrays.fill(path, block.level() + 1, path.length, null);
            } else {
                lines.add(block.text());
            }
        }
        addSection(sections, path, lines);
        return sections;
    }

    private static void addSection(List<Section> sections, String[] path, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<String> headings =
                Arrays.stream(path).filter(heading -> heading != null).toList();
        sections.add(new Section(headings, String.join("\n", lines)));
        lines.clear();
    }

    private static List<Block> read(Element root, boolean headings) {
        Reader reader = new Reader(headings);
        NodeTraversor.filter(reader, root);
        reader.endLine();
        return reader.blocks;
    }

    private static final class Reader implements NodeFilter {

        private final boolean headings;
        private final List<Block> blocks = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();

        Reader(boolean headings) {
            this.headings = headings;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                line.append(text.getWholeText());
            } else if (node instanceof Element element) {
                String name = element.normalName();
                int level = headings ? headingLevel(element) : 0;
                if (level > 0) {
                    endLine();
                    String heading = clean(element.text());
                    if (heading != null) {
                        blocks.add(new Block(level, heading));
                    }
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (BLOCK_TAGS.contains(name)) {
                    endLine();
                } else if (CELL_TAGS.contains(name) && clean(line.toString()) != null) {
                    line.append(" | ");
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && BLOCK_TAGS.contains(element.normalName())) {
                endLine();
            }
            return FilterResult.CONTINUE;
        }

        void endLine() {
            String text = clean(line.toString());
            if (text != null) {
                blocks.add(new Block(0, text));
            }
            line.setLength(0);
        }
    }
}
