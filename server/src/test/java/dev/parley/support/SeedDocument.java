package dev.parley.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One seed document as the conformance suite reads it: its fenced code blocks, numbered from 0 in the order they
 * appear, each with the heading it stands under. The documents are copied verbatim into {@code seeds/} of the test
 * resources, so a changed seed changes the blocks and the catalogue that must cover them.
 */
public record SeedDocument(String seed, List<Block> blocks) {

    public static final List<String> SEEDS = List.of("000", "001", "002", "003", "004");
    private static final Path DIR = Path.of("src/test/resources/seeds");

    /** Seed examples hold {@code // comments} and trailing commas; the parser reads them as a JavaScript reader would. */
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public record Block(String seed, int index, String language, String heading, String text) {

        public String id() {
            return seed + "#" + index;
        }

        /** The block's one JSON value (comments allowed). */
        public JsonNode json() {
            List<JsonNode> values = jsonValues();
            if (values.size() != 1) {
                throw new IllegalStateException(id() + " holds " + values.size() + " JSON values");
            }
            return values.getFirst();
        }

        /** Every JSON value in the block, for blocks that list several frames one after the other. */
        public List<JsonNode> jsonValues() {
            List<JsonNode> values = new ArrayList<>();
            try (JsonParser parser = LENIENT.createParser(text)) {
                while (parser.nextToken() != null) {
                    if (parser.currentToken() == JsonToken.START_OBJECT
                            || parser.currentToken() == JsonToken.START_ARRAY) {
                        values.add(LENIENT.readTree(parser));
                    }
                }
            }
            return values;
        }
    }

    public static SeedDocument read(String seed) {
        try {
            return parse(seed, Files.readString(DIR.resolve(seed + ".md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Block block(int index) {
        return blocks.get(index);
    }

    static SeedDocument parse(String seed, String markdown) {
        List<Block> blocks = new ArrayList<>();
        String heading = "";
        String language = null;
        StringBuilder text = null;
        for (String line : markdown.split("\n", -1)) {
            if (text == null && line.startsWith("```")) {
                language = line.substring(3).strip();
                text = new StringBuilder();
            } else if (text != null && line.startsWith("```")) {
                blocks.add(new Block(seed, blocks.size(), language, heading, text.toString()));
                text = null;
            } else if (text != null) {
                text.append(line).append('\n');
            } else if (line.startsWith("#")) {
                heading = line.replaceFirst("^#+\\s*", "");
            }
        }
        return new SeedDocument(seed, List.copyOf(blocks));
    }
}
