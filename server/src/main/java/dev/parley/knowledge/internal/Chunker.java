package dev.parley.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Cuts a source into chunks that keep its structure: each chunk stays under one heading, a question stays with its
 * answer, and products and short FAQ entries stay whole. Chunks aim at {@link #TARGET} characters, which MiniLM
 * reads whole (its window is 256 word pieces).
 */
public final class Chunker {

    /** A piece of a source: the heading path it sits under and its text. */
    public record Chunk(String heading, String text) {}

    static final int TARGET = 700;
    static final int MAX = 1200;
    static final int WHOLE_LIMIT = 2000;

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    /** What is embedded for a chunk: where it sits and what it says. */
    public static String embeddingText(String title, Chunker.Chunk chunk) {
        String heading = chunk.heading() == null || chunk.heading().isBlank() ? "" : " > " + chunk.heading();
        return title + heading + "\n" + chunk.text();
    }

    public List<Chunk> chunk(String title, String content, String format, String kind) {
        String text = format.equals("html") ? htmlToMarkdown(content) : content;
        text = text.replace("\r\n", "\n").strip();
        if (text.isEmpty()) {
            return List.of(new Chunk("", title));
        }
        if ((kind.equals("product") || kind.equals("faq")) && text.length() <= WHOLE_LIMIT) {
            return List.of(new Chunk("", plain(text)));
        }
        List<Chunk> chunks = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String currentHeading = "";
        for (String paragraph : text.split("\n\\s*\n")) {
            String block = paragraph.strip();
            if (block.isEmpty()) {
                continue;
            }
            var heading = HEADING.matcher(block.lines().findFirst().orElse(""));
            if (heading.matches()) {
                flush(chunks, currentHeading, current);
                int level = heading.group(1).length();
                while (headings.size() >= level) {
                    headings.removeLast();
                }
                while (headings.size() < level - 1) {
                    headings.add("");
                }
                headings.add(heading.group(2).strip());
                currentHeading = String.join(
                        " > ", headings.stream().filter(h -> !h.isEmpty()).toList());
                String rest =
                        block.lines().skip(1).reduce("", (a, b) -> a + "\n" + b).strip();
                if (rest.isEmpty()) {
                    continue;
                }
                block = rest;
            } else if (isQuestion(block)) {
                // A question opens its own chunk, so it is found together with its answer.
                flush(chunks, currentHeading, current);
            }
            String clean = plain(block);
            if (current.length() > 0 && current.length() + clean.length() > TARGET) {
                flush(chunks, currentHeading, current);
            }
            if (clean.length() > MAX) {
                for (String piece : splitLong(clean)) {
                    flush(chunks, currentHeading, current);
                    current.append(piece);
                }
            } else {
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(clean);
            }
        }
        flush(chunks, currentHeading, current);
        return chunks.isEmpty() ? List.of(new Chunk("", title)) : chunks;
    }

    private static boolean isQuestion(String block) {
        String first = block.lines().findFirst().orElse("").strip();
        String bare = first.replaceAll("^[*_#>\\-\\s]+|[*_\\s]+$", "");
        return bare.endsWith("?") && bare.length() <= 200;
    }

    private static void flush(List<Chunk> chunks, String heading, StringBuilder current) {
        if (!current.isEmpty()) {
            chunks.add(new Chunk(heading, current.toString().strip()));
            current.setLength(0);
        }
    }

    private static List<String> splitLong(String text) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String sentence : SENTENCE_END.split(text)) {
            if (piece.length() > 0 && piece.length() + sentence.length() > TARGET) {
                pieces.add(piece.toString().strip());
                piece.setLength(0);
            }
            while (sentence.length() > MAX) {
                pieces.add(sentence.substring(0, MAX));
                sentence = sentence.substring(MAX);
            }
            piece.append(sentence).append(' ');
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString().strip());
        }
        return pieces;
    }

    /** Markdown emphasis and link syntax out; bullets and line breaks stay. */
    static String plain(String markdown) {
        return markdown.replaceAll("!\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("\\[([^\\]]+)]\\([^)]*\\)", "$1")
                .replaceAll("(\\*\\*|__)(.+?)\\1", "$2")
                .replaceAll("(?m)^\\s*[*+]\\s+", "- ")
                .replaceAll("`", "")
                .replaceAll("[ \\t]+", " ")
                .strip();
    }

    private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, pre, blockquote, td, th";

    /** HTML content (articles may be written in it) as the Markdown-like text the chunker reads. */
    static String htmlToMarkdown(String html) {
        Element body = Jsoup.parse(html).body();
        body.select("script, style, noscript, template").remove();
        StringBuilder out = new StringBuilder();
        boolean inList = false;
        for (Element element : body.select(BLOCKS)) {
            boolean hasInnerBlocks = element.select(BLOCKS).size() > 1;
            String text = element.text().strip();
            if (hasInnerBlocks || text.isEmpty()) {
                continue;
            }
            if (inList && !element.is("li")) {
                out.append('\n');
            }
            inList = element.is("li");
            if (element.tagName().matches("h[1-6]")) {
                out.append("#".repeat(element.tagName().charAt(1) - '0'))
                        .append(' ')
                        .append(text)
                        .append("\n\n");
            } else if (element.is("li")) {
                out.append("- ").append(text).append('\n');
            } else {
                out.append(text).append("\n\n");
            }
        }
        return out.isEmpty() ? body.text() : out.toString();
    }
}
