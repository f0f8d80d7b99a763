package dev.parley.commerce.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a shopper asks the catalogue for, read from their words: what the product is ({@link #text}, searched by
 * meaning and keywords), and the attributes that filter or order the results.
 *
 * @param text what remains of the request once the attributes are taken out ("trail running shoes"); blank when it
 *     names no product
 * @param category one of the catalogue's categories, when the request names it
 * @param color a variant colour that must be in stock
 * @param size a variant size that must be in stock, as stores write it ("10", "M", "XL")
 * @param minPrice the lowest price, inclusive
 * @param maxPrice the highest price, inclusive
 */
record ProductAsk(
        String text, String category, String color, String size, BigDecimal minPrice, BigDecimal maxPrice, Sort sort) {

    /** How results are ordered: by how well they match ("best" asks for this too), or by price. */
    enum Sort {
        RELEVANCE,
        PRICE_ASC,
        PRICE_DESC;

        /** The API's spelling: {@code relevance}, {@code price_asc}, {@code price_desc}. */
        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Sort of(String wire) {
            return Arrays.stream(values())
                    .filter(s -> s.wire().equals(wire))
                    .findFirst()
                    .orElse(null);
        }
    }

    static final ProductAsk NOTHING = new ProductAsk("", null, null, null, null, null, Sort.RELEVANCE);

    private static final String AMOUNT = "\\$?\\s?(\\d{1,6}(?:[.,]\\d{1,2})?)\\s?(?:\\$|dollars?|bucks|usd)?";
    private static final Pattern BETWEEN =
            Pattern.compile("\\b(?:between|from)\\s+" + AMOUNT + "\\s*(?:and|to|-)\\s*" + AMOUNT);
    private static final Pattern AT_MOST = Pattern.compile(
            "\\b(?:under|below|beneath|less than|lower than|cheaper than|up to|no more than|not more than|at most"
                    + "|max(?:imum)?(?: of)?|budget (?:of|is)|for less than)\\s+(?:a\\s+)?" + AMOUNT);
    private static final Pattern AT_MOST_AFTER = Pattern.compile(
            "(?:\\$\\s?(\\d{1,6}(?:[.,]\\d{1,2})?)|(\\d{1,6}(?:[.,]\\d{1,2})?)\\s?(?:dollars?|bucks|usd))"
                    + "\\s+(?:or less|or under|max(?:imum)?|tops)\\b");
    private static final Pattern AT_LEAST =
            Pattern.compile("\\b(?:over|above|more than|at least|min(?:imum)?(?: of)?|starting at)\\s+" + AMOUNT);
    private static final String SIZE_WORD =
            "(\\d{1,2}(?:\\.5)?|xxs|xs|s|m|l|xl|xxl|extra[ -]small|small|medium|large|extra[ -]large|x-large"
                    + "|one size|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen)";
    private static final Pattern SIZE = Pattern.compile("\\bsize\\s+(?:(?:us|eu|uk)\\s+)?" + SIZE_WORD + "(?![\\w.])");
    private static final Pattern SIZE_IN = Pattern.compile(
            "\\bin(?: an?)?\\s+(xxs|xs|xl|xxl|extra[ -]small|small|medium|large|extra[ -]large|x-large|s|m|l)"
                    + "(?![\\w'])");
    private static final Pattern SIZE_AFTER =
            Pattern.compile("\\b(\\d{1,2}(?:\\.5)?)\\s+(?:shoe size|in (?:men's|women's|us|eu|uk) sizes?)\\b");
    private static final Map<String, String> COLORS = colors();
    private static final Pattern COLOR = Pattern.compile("\\b(" + String.join("|", COLORS.keySet()) + ")\\b");
    private static final Pattern CHEAPEST = Pattern.compile(
            "\\b(?:cheapest|least expensive|lowest[- ]priced?|lowest price|most affordable|cheap|cheaper"
                    + "|inexpensive|affordable|budget|bargain)\\b");
    private static final Pattern PRICIEST =
            Pattern.compile("\\b(?:most expensive|priciest|highest[- ]priced?|high[- ]end|top of the line|luxury)\\b");
    private static final Pattern BEST =
            Pattern.compile("\\b(?:best|top[- ]rated|highest[- ]rated|most popular|recommended|recommend)\\b");
    private static final Map<String, String> CATEGORY_WORDS =
            Map.of("clothing", "apparel", "clothes", "apparel", "camping gear", "outdoor", "gear", "outdoor");

    /** Words that ask rather than describe: never part of what is searched for. */
    private static final Set<String> ASKING = Set.of(
            "a",
            "an",
            "the",
            "any",
            "anything",
            "some",
            "something",
            "do",
            "does",
            "you",
            "your",
            "yours",
            "have",
            "has",
            "got",
            "sell",
            "selling",
            "carry",
            "stock",
            "in",
            "i",
            "i'm",
            "im",
            "me",
            "my",
            "need",
            "want",
            "wanted",
            "would",
            "like",
            "looking",
            "look",
            "for",
            "to",
            "buy",
            "get",
            "find",
            "show",
            "see",
            "what",
            "what's",
            "whats",
            "which",
            "is",
            "are",
            "there",
            "please",
            "can",
            "could",
            "recommend",
            "recommended",
            "suggest",
            "of",
            "with",
            "and",
            "or",
            "that",
            "one",
            "ones",
            "available",
            "options",
            "option",
            "good",
            "great",
            "nice",
            "best",
            "top",
            "rated",
            "most",
            "popular",
            "cheapest",
            "cheap",
            "cheaper",
            "affordable",
            "inexpensive",
            "budget",
            "expensive",
            "priciest",
            "price",
            "priced",
            "lowest",
            "highest",
            "least",
            "hi",
            "hello",
            "hey",
            "thanks",
            "thank",
            "it",
            "them",
            "they",
            "this",
            "these",
            "those",
            "on",
            "at",
            "we",
            "us",
            "our",
            "be",
            "will",
            "am",
            "size",
            "sizes",
            "colour",
            "color",
            "also",
            "pair",
            "pairs",
            "under",
            "below",
            "over",
            "dollars",
            "dollar",
            "bucks",
            "usd",
            "than",
            "less",
            "more",
            "max",
            "maximum",
            "up",
            "so",
            "just",
            "really",
            "very",
            "too",
            "new",
            "kind",
            "kinds",
            "type",
            "types",
            "bargain",
            "luxury",
            "high",
            "end",
            "line",
            "between",
            "from",
            "around",
            "about",
            "store",
            "shop",
            "here");

    /**
     * Reads a request. {@code categories} are the catalogue's own (lower case): a category is only taken when the
     * request names one of them (or a common word for it, "clothing" for apparel).
     */
    static ProductAsk parse(String request, Set<String> categories) {
        if (request == null || request.isBlank()) {
            return NOTHING;
        }
        StringBuilder rest =
                new StringBuilder(" " + request.toLowerCase(Locale.ROOT).replace('’', '\'') + " ");
        BigDecimal min = null;
        BigDecimal max = null;
        Matcher between = BETWEEN.matcher(rest);
        if (between.find()) {
            min = amount(between.group(1));
            max = amount(between.group(2));
            blank(rest, between);
        }
        if (max == null) {
            Matcher atMost = AT_MOST.matcher(rest);
            if (atMost.find()) {
                max = amount(atMost.group(1));
                blank(rest, atMost);
            } else {
                Matcher after = AT_MOST_AFTER.matcher(rest);
                if (after.find()) {
                    max = amount(after.group(1) != null ? after.group(1) : after.group(2));
                    blank(rest, after);
                }
            }
        }
        if (min == null) {
            Matcher atLeast = AT_LEAST.matcher(rest);
            if (atLeast.find()) {
                min = amount(atLeast.group(1));
                blank(rest, atLeast);
            }
        }
        String size = null;
        for (Pattern pattern : List.of(SIZE, SIZE_AFTER, SIZE_IN)) {
            Matcher m = pattern.matcher(rest);
            if (m.find()) {
                size = size(m.group(1));
                blank(rest, m);
                break;
            }
        }
        String color = null;
        Matcher c = COLOR.matcher(rest);
        if (c.find()) {
            color = COLORS.get(c.group(1));
            blank(rest, c);
        }
        Sort sort = Sort.RELEVANCE;
        if (PRICIEST.matcher(rest).find()) {
            sort = Sort.PRICE_DESC;
        } else if (CHEAPEST.matcher(rest).find()) {
            sort = Sort.PRICE_ASC;
        }
        String category = category(words(rest.toString()), categories);
        String text = words(rest.toString()).stream()
                .filter(w -> !ASKING.contains(w))
                .filter(w -> !w.matches("\\d+"))
                .filter(w -> !w.equals(category))
                .collect(Collectors.joining(" "));
        return new ProductAsk(text, category, color, size, min, max, sort);
    }

    /** This ask with what {@code given} says explicitly put first: an API filter or a tool argument wins. */
    ProductAsk under(
            String givenCategory,
            String givenColor,
            String givenSize,
            BigDecimal givenMin,
            BigDecimal givenMax,
            Sort givenSort) {
        return new ProductAsk(
                text,
                givenCategory != null ? givenCategory : category,
                givenColor != null ? givenColor : color,
                givenSize != null ? givenSize : size,
                givenMin != null ? givenMin : minPrice,
                givenMax != null ? givenMax : maxPrice,
                givenSort != null ? givenSort : sort);
    }

    /** This ask, with what it leaves open taken from {@code other} (its product text stays). */
    ProductAsk orElse(ProductAsk other) {
        return new ProductAsk(
                text,
                category != null ? category : other.category,
                color != null ? color : other.color,
                size != null ? size : other.size,
                minPrice != null ? minPrice : other.minPrice,
                maxPrice != null ? maxPrice : other.maxPrice,
                sort != Sort.RELEVANCE ? sort : other.sort);
    }

    boolean hasFilters() {
        return category != null || color != null || size != null || minPrice != null || maxPrice != null;
    }

    private static String category(List<String> words, Set<String> categories) {
        String category = null;
        for (String word : words) {
            if (categories.contains(word)) {
                category = word;
            } else if (CATEGORY_WORDS.containsKey(word) && categories.contains(CATEGORY_WORDS.get(word))) {
                category = CATEGORY_WORDS.get(word);
            }
        }
        return category;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("[^\\p{L}\\p{N}'-]+"))
                .map(w -> w.replaceAll("^['-]+|['-]+$", ""))
                .filter(w -> !w.isBlank())
                .toList();
    }

    private static void blank(StringBuilder text, Matcher match) {
        for (int i = match.start(); i < match.end(); i++) {
            text.setCharAt(i, ' ');
        }
    }

    private static BigDecimal amount(String digits) {
        return new BigDecimal(digits.replace(',', '.'));
    }

    private static String size(String word) {
        String w = word.replace('-', ' ');
        return switch (w) {
            case "extra small" -> "XS";
            case "small" -> "S";
            case "medium" -> "M";
            case "large" -> "L";
            case "extra large", "x large" -> "XL";
            case "one size" -> "One Size";
            case "five" -> "5";
            case "six" -> "6";
            case "seven" -> "7";
            case "eight" -> "8";
            case "nine" -> "9";
            case "ten" -> "10";
            case "eleven" -> "11";
            case "twelve" -> "12";
            case "thirteen" -> "13";
            case "fourteen" -> "14";
            default -> w.toUpperCase(Locale.ROOT);
        };
    }

    private static Map<String, String> colors() {
        Map<String, String> colors = new LinkedHashMap<>();
        for (String c : List.of(
                "black", "white", "navy", "grey", "red", "olive", "blue", "green", "pink", "yellow", "orange", "brown",
                "beige", "purple")) {
            colors.put(c, c.substring(0, 1).toUpperCase(Locale.ROOT) + c.substring(1));
        }
        colors.put("gray", "Grey");
        return colors;
    }
}
