package dev.parley.assistant.internal.understanding;

import dev.parley.assistant.internal.understanding.Entity.Category;
import dev.parley.assistant.internal.understanding.Entity.Colour;
import dev.parley.assistant.internal.understanding.Entity.DateMention;
import dev.parley.assistant.internal.understanding.Entity.Email;
import dev.parley.assistant.internal.understanding.Entity.Money;
import dev.parley.assistant.internal.understanding.Entity.NewAddress;
import dev.parley.assistant.internal.understanding.Entity.OrderNumber;
import dev.parley.assistant.internal.understanding.Entity.Phone;
import dev.parley.assistant.internal.understanding.Entity.PriceBound;
import dev.parley.assistant.internal.understanding.Entity.Ranking;
import dev.parley.assistant.internal.understanding.Entity.Size;
import dev.parley.assistant.internal.understanding.Entity.Span;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a message names: order numbers, emails, phones, amounts, dates (relative ones resolved against the day
 * given), sizes, colours, categories, price bounds, a ranking wish and a new shipping address.
 *
 * <p>Overlapping finds keep the first kind tried, in this order: address, email, order number, amount, date, phone,
 * size, so "+1 555 123 4567" is one phone and not an amount. Price bounds, rankings, colours and categories are phrases
 * read beside those (a price bound contains its amounts), but never inside an address.
 *
 * <p>What counts as an order number: digits (3 to 12, optionally after up to four letters and a dash, {@code NW-20931})
 * introduced as one: {@code #1001}, {@code order 1001}, {@code order #1001}, {@code order no. 1001}, {@code order
 * number is 1001}, {@code ord-1001}, {@code purchase 1001}, and the numbers listed after one ({@code orders 1001 and 1002}). A bare number is
 * one only when it is the whole message ({@code 1001}, {@code it's 1001}), has 3 to 8 digits and is not a year
 * (1900-2099). Never an order number: "order" used as a verb ({@code I want to order 300 units}), a number followed by
 * a quantity word or a currency ({@code order 150 dollars}), part of a date, decimal or phone ({@code 2026-01-05}), an
 * amount ({@code $1001}), a size ({@code size 10}), a quantity ({@code 2 shirts}) or a year in a sentence.
 */
public final class EntityExtractor {

    private static final String NUMBER = "\\d{1,7}(?:[.,]\\d{3})*(?:[.,]\\d{1,2})?";
    private static final String CURRENCY_WORD = "usd|eur|gbp|uzs|dollars?|bucks|euros?|pounds?|quid|so'?m|sum";

    private static final Pattern EMAIL = Pattern.compile("(?i)\\b[a-z0-9._%+-]{1,64}@[a-z0-9.-]+\\.[a-z]{2,24}\\b");
    private static final Pattern ORDER = Pattern.compile("(?i)(?<![\\w$€£#])#\\s?(?<hash>[A-Z]{0,4}-?\\d{3,12})(?!\\w)"
            + "|(?<verb>\\b(?:to|i|we|you|can|could|will|would|should|might|gonna|wanna|'ll)\\s+)?"
            + "\\b(?:ord(?:er)?s?(?:\\b|(?=\\d))|purchases?\\b)\\.?\\s*"
            + "(?:(?:number|num|no|nr|id|ref|reference|code)s?\\b\\.?\\s*)?"
            + "(?:(?:is|was|=)\\s+)?[:#-]?\\s*(?<word>[A-Z]{0,4}-?\\d{3,12})(?!\\w)");
    private static final Pattern MORE_ORDERS =
            Pattern.compile("(?i)^\\s*(?:,|and|&|or|,\\s*and)\\s*#?\\s*([A-Z]{0,4}-?\\d{3,12})(?!\\w)");
    private static final Pattern NOT_AN_ORDER_AFTER = Pattern.compile("(?i)^(?:[.,/:-]\\d|\\s*(?:%|€|£|\\$)|\\s+(?:"
            + CURRENCY_WORD
            + "|x|of|more|units?|pieces?|pcs|items?|pairs?|copies|boxes|packs?|times|people|years?|days?)\\b)");
    private static final Pattern BARE_ORDER = Pattern.compile(
            "(?i)^\\W*(?:(?:it'?s|it\\s+is|its|the|my|order|number|no|is|ok|okay|sure|yes|yeah|here|hi|hello|please"
                    + "|thanks|sorry)\\W+)*(\\d{3,8})\\W*(?:(?:please|pls|thanks|thank you|thx|ty)\\W*)*$");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w#$€£])(\\+?\\d[\\d\\s().-]{7,17}\\d)(?!\\w)");
    private static final Pattern MONEY = Pattern.compile("(?i)(?:(?<![\\w])(?<sym>[$€£]|us\\$)\\s?(?<n1>" + NUMBER
            + ")(?!\\d))"
            + "|(?:\\b(?<code>usd|eur|gbp|uzs)\\s?(?<n2>" + NUMBER + ")(?!\\d))"
            + "|(?:\\b(?<n3>" + NUMBER + ")\\s?(?<unit>" + CURRENCY_WORD + "|€|£|\\$)(?!\\w))");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern SLASH_DATE = Pattern.compile("(?<![\\d/.,$€£])(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?"
            + "(?![\\d/])(?!\\s*(?:sleeves?|length|inch|in\\b|\"|cups?|of\\b|stars?|size))");
    private static final Pattern DATE_CUE = Pattern.compile("(?i)\\b(?:on|by|since|from|until|till|before|after|due"
            + "|dated|ordered|placed|delivered|shipped|arrived|received|bought|purchased|paid|charged|expected"
            + "|scheduled|between|and|to)\\s+(?:the\\s+)?$");
    private static final Pattern MONTH_DATE;
    private static final Pattern RELATIVE_DAY = Pattern.compile("(?i)\\b(?:the\\s+)?(day\\s+before\\s+yesterday"
            + "|day\\s+after\\s+tomorrow|today|tonight|tomorrow|tmrw|yesterday)\\b");
    private static final Pattern WEEKDAY = Pattern.compile("(?i)\\b(?:(last|next|this(?:\\s+coming)?|coming|by|until"
            + "|till|before|on|since)\\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");
    private static final String COUNT = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|a\\s+couple\\s+of|a\\s+few|couple\\s+of|few|\\d{1,3}";
    private static final Pattern OFFSET = Pattern.compile("(?i)\\b(?:(in|within|after)\\s+(" + COUNT
            + ")\\s+(day|week|month|year)s?\\b(?:\\s+time)?|(" + COUNT + ")\\s+(day|week|month|year)s?\\s+ago\\b"
            + "|(last|next)\\s+(week|month|year)\\b)");
    private static final Pattern SIZE_WORD =
            Pattern.compile("(?i)\\b(?:size|sz)\\b\\s*:?\\s*(?<label>\\d{1,2}(?:[.,]5)?"
                    + "|xxs|xs|s|m|l|xl|xxl|xxxl|[2-5]xl|small|medium|large|extra[- ]large|extra[- ]small)(?![\\w'’])");
    private static final Pattern SIZE_SYSTEM =
            Pattern.compile("\\b(?<system>EU|US|UK)\\s?(?<label>\\d{1,2}(?:\\.5)?)\\b" + "(?!\\s*(?:[$€£%]|(?i:"
                    + CURRENCY_WORD + ")\\b))");
    private static final Pattern SIZE_LETTERS = Pattern.compile("(?i)\\b(?<label>xxs|xs|xl|xxl|xxxl|[2-5]xl)\\b"
            + "|(?i:\\b(?:in|an?|the)\\s+)(?<letter>S|M|L)(?![\\w'’&])"
            + "|\\b(?<before>S|M|L)\\s+(?i:size)\\b");
    private static final Pattern SIZE_IN = Pattern.compile("(?i)\\bin\\s+(?:(?:a|an)\\s+)?"
            + "(?:(?:men'?s|women'?s|mens|womens|kids)\\s+)?(?<label>\\d{1,2}(?:\\.5)?)"
            + "(?=\\s*(?:[?.!,]|$|\\s+(?:please|pls|or|and|wide|narrow)\\b))");
    private static final Pattern HALF_SIZE = Pattern.compile(
            "(?<![\\d$€£.,])\\b(?<label>\\d{1,2}\\.5)\\b"
                    + "(?!\\s*(?:[%$€£]|(?i:" + CURRENCY_WORD
                    + "|kg|lbs?|km|miles?|hours?|days?|weeks?|months?|years?|times|x|stars?|out\\s+of|cm|mm|inch(?:es)?|oz|gb)\\b))");
    private static final Pattern COLOUR =
            Pattern.compile("(?i)(?<![@#])\\b(?:(light|dark|pale|bright|navy|rose)[\\s-])?"
                    + "(black|white|red|blue|navy|green|olive|yellow|orange|pink|purple|violet|brown|beige|tan|grey|gray|silver"
                    + "|gold|khaki|burgundy|maroon|teal|turquoise|cream|ivory|charcoal|camel|coral|mint|lilac|lavender)\\b"
                    + "(?!\\s+(?:friday|glove|member|status|tier|card|light|flag|list)s?\\b)");
    private static final Map<String, String> CATEGORY_WORDS = categoryWords();
    /** Each category word's pattern, compiled once, in {@link #CATEGORY_WORDS}' order. */
    private static final Map<Pattern, String> CATEGORY_PATTERNS = CATEGORY_WORDS.entrySet().stream()
            .collect(java.util.stream.Collectors.toMap(
                    e -> Pattern.compile(e.getKey()), Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));

    private static final Pattern CATEGORY;
    private static final String MONEYISH = "(?:(?<%1$ssym>[$€£])\\s?)?(?<%1$sn>\\d{1,7}(?:[.,]\\d{1,2})?)"
            + "(?:\\s?(?<%1$sunit>" + CURRENCY_WORD + "|€|£)(?!\\w))?";
    private static final Pattern PRICE_RANGE = Pattern.compile("(?i)\\b(?:between\\s+|from\\s+)?"
            + MONEYISH.formatted("a") + "\\s*(?:-|–|to|and|&)\\s*" + MONEYISH.formatted("b"));
    private static final Pattern PRICE_MAX = Pattern.compile("(?i)(?:\\b(?:under|below|less\\s+than|cheaper\\s+than"
            + "|lower\\s+than|max(?:imum)?|at\\s+most|up\\s+to|no\\s+more\\s+than|not\\s+more\\s+than|within"
            + "|budget(?:\\s+is|\\s+of)?)|<)\\s*(?:of\\s+)?" + MONEYISH.formatted("a"));
    private static final Pattern PRICE_MIN = Pattern.compile("(?i)(?:\\b(?:over|above|more\\s+than|at\\s+least"
            + "|min(?:imum)?|starting\\s+(?:at|from)|pricier\\s+than)|>)\\s*(?:of\\s+)?" + MONEYISH.formatted("a"));
    private static final Pattern BARE_PRICE_FOLLOWER = Pattern.compile(
            "(?i)^(?:\\s*(?:[?.!,;)]|$)|\\s+(?:and|or|please|pls|for|in|with|max|tops|each|a\\s+pair)\\b)");
    private static final Pattern RANKING = Pattern.compile("(?i)\\b(?:(?<cheap>cheapest|lowest[\\s-]priced?"
            + "|least\\s+expensive|most\\s+affordable|lowest\\s+cost)|(?<dear>most\\s+expensive|priciest"
            + "|highest[\\s-]priced?)|(?<rated>best[\\s-]rated|top[\\s-]rated|highest[\\s-]rated|best[\\s-]reviewed"
            + "|top[\\s-]reviewed|best\\s+reviews|highest\\s+ratings?|(?:5|five)[\\s-]stars?)|(?<newest>newest"
            + "|new\\s+arrivals|newly\\s+added|latest\\s+(?:models?|releases?|arrivals|collection)))\\b");
    private static final Pattern ADDRESS_TRIGGER = Pattern.compile("(?i)\\b(?:(?:ship|send|deliver|mail|post|"
            + "redirect|forward)(?:\\s+(?:it|them|this|that|the\\s+(?:order|package|parcel)|my\\s+(?:order|package"
            + "|parcel)|order\\s+#?\\w+))?\\s+(?:over\\s+)?to|(?:change|update|correct|switch|move)\\s+(?:the\\s+|my\\s+)?"
            + "(?:shipping\\s+|delivery\\s+)?address(?:\\s+(?:on|for)\\s+(?:order\\s+)?#?\\w+)?\\s+to|new\\s+(?:shipping"
            + "\\s+|delivery\\s+)?address(?:\\s+is)?|(?:my\\s+)?address\\s+(?:should\\s+be|is\\s+now|is)"
            + "|moved\\s+to)\\s*:?\\s*");
    private static final Pattern STREET = Pattern.compile("(?i)\\b\\d{1,6}[a-z]?\\s+"
            + "(?:(?!(?:on|at|in|to|from|for|my|the|and|of|is|was)\\b)[\\p{L}0-9.'-]+\\s+){0,4}"
            + "(?:st|street|ave|avenue|rd|road|blvd|boulevard|ln|lane|dr|drive|way|ct|court|pl|place|ter|terrace|pkwy"
            + "|parkway|hwy|highway|cir|circle|sq|square)\\b\\.?");
    private static final Pattern ADDRESS_END = Pattern.compile("(?i:\\s+(?:instead|please|pls|thanks|thank\\s+you|asap"
            + "|now|rather\\s+than|not\\s+the|and\\s+(?!\\d))\\b|,\\s*(?:my|and|email|e-mail|order|thanks|thank|please"
            + "|it'?s|i)\\b)|[!?\\n;]|\\.(?:\\s+\\p{Lu}|\\s*$)");
    private static final Pattern UNIT = Pattern.compile("(?i)^(?:apt|apartment|suite|ste|unit|floor|fl|flat|#)\\b.*");
    private static final Pattern STATE_ZIP =
            Pattern.compile("^(?<city>.*?)\\s*,?\\s*(?<state>[A-Z]{2})\\s+(?<zip>\\d{5}(?:-\\d{4})?)$");
    private static final Pattern UK_POSTCODE =
            Pattern.compile("(?i)^(?<city>.*?)\\s*,?\\s*(?<zip>[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2})$");
    private static final Pattern ZIP_CITY = Pattern.compile("^(?<zip>\\d{4,6})\\s+(?<city>\\p{L}[\\p{L} .'-]*)$");
    private static final Pattern CITY_ZIP = Pattern.compile("^(?<city>\\p{L}[\\p{L} .'-]*?)\\s+(?<zip>\\d{4,6})$");
    private static final Set<String> US_STATES = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
            "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK",
            "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC");
    private static final Map<String, String> COUNTRIES = Map.ofEntries(
            Map.entry("us", "US"),
            Map.entry("usa", "US"),
            Map.entry("u.s.", "US"),
            Map.entry("u.s.a.", "US"),
            Map.entry("united states", "US"),
            Map.entry("united states of america", "US"),
            Map.entry("uk", "GB"),
            Map.entry("u.k.", "GB"),
            Map.entry("united kingdom", "GB"),
            Map.entry("great britain", "GB"),
            Map.entry("england", "GB"),
            Map.entry("scotland", "GB"),
            Map.entry("wales", "GB"),
            Map.entry("canada", "CA"),
            Map.entry("germany", "DE"),
            Map.entry("deutschland", "DE"),
            Map.entry("france", "FR"),
            Map.entry("spain", "ES"),
            Map.entry("italy", "IT"),
            Map.entry("netherlands", "NL"),
            Map.entry("ireland", "IE"),
            Map.entry("australia", "AU"),
            Map.entry("uzbekistan", "UZ"),
            Map.entry("o'zbekiston", "UZ"),
            Map.entry("gb", "GB"),
            Map.entry("ca", "CA"),
            Map.entry("de", "DE"),
            Map.entry("fr", "FR"),
            Map.entry("es", "ES"),
            Map.entry("nl", "NL"),
            Map.entry("ie", "IE"),
            Map.entry("au", "AU"),
            Map.entry("uz", "UZ"));
    private static final Map<String, String> CURRENCIES = Map.ofEntries(
            Map.entry("$", "USD"),
            Map.entry("us$", "USD"),
            Map.entry("€", "EUR"),
            Map.entry("£", "GBP"),
            Map.entry("usd", "USD"),
            Map.entry("dollar", "USD"),
            Map.entry("dollars", "USD"),
            Map.entry("bucks", "USD"),
            Map.entry("eur", "EUR"),
            Map.entry("euro", "EUR"),
            Map.entry("euros", "EUR"),
            Map.entry("gbp", "GBP"),
            Map.entry("pound", "GBP"),
            Map.entry("pounds", "GBP"),
            Map.entry("quid", "GBP"),
            Map.entry("uzs", "UZS"),
            Map.entry("som", "UZS"),
            Map.entry("so'm", "UZS"),
            Map.entry("sum", "UZS"));
    private static final Map<String, Integer> COUNTS = Map.ofEntries(
            Map.entry("a", 1),
            Map.entry("an", 1),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("a couple of", 2),
            Map.entry("couple of", 2),
            Map.entry("a few", 3),
            Map.entry("few", 3));

    static {
        StringBuilder months = new StringBuilder();
        for (Month month : Month.values()) {
            if (!months.isEmpty()) {
                months.append('|');
            }
            String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            months.append(full).append('|').append(full, 0, 3);
            if (month == Month.SEPTEMBER) {
                months.append("|sept");
            }
        }
        MONTH_DATE = Pattern.compile("(?i)\\b(?:(?<m1>" + months + ")\\.?\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?"
                + "|(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<m2>" + months + ")\\.?)"
                + "(?:,?\\s+(?<year>(?:19|20)\\d{2}))?\\b");
        // Longest first, so "water bottle" wins over "bottle" and "t-shirt" over "shirt".
        CATEGORY = Pattern.compile("(?i)\\b("
                + String.join(
                        "|",
                        CATEGORY_WORDS.keySet().stream()
                                .sorted(Comparator.comparingInt(String::length).reversed())
                                .toList())
                + ")\\b");
    }

    /** What the message names; relative dates count from {@code today} (the store's day). */
    public Entities extract(String text, LocalDate today) {
        List<Entity> found = new ArrayList<>();
        NewAddress address = address(text);
        if (address != null) {
            found.add(address);
        }
        find(EMAIL, text, found, m -> new Email(m.group().toLowerCase(Locale.ROOT), span(m, 0)));
        orderNumbers(text, found);
        find(MONEY, text, found, EntityExtractor::money);
        find(ISO_DATE, text, found, m -> date(m, () -> LocalDate.of(num(m, 1), num(m, 2), num(m, 3))));
        find(SLASH_DATE, text, found, m -> slashDate(m, text, today));
        find(MONTH_DATE, text, found, m -> monthDate(m, today));
        find(RELATIVE_DAY, text, found, m -> relativeDay(m, today));
        find(WEEKDAY, text, found, m -> weekday(m, today));
        find(OFFSET, text, found, m -> offset(m, today));
        find(PHONE, text, found, m -> {
            String digits = m.group(1).replaceAll("[^\\d+]", "");
            int count = digits.replace("+", "").length();
            return count < 9 || count > 15 ? null : new Phone(digits, span(m, 1));
        });
        find(SIZE_WORD, text, found, m -> new Size(sizeLabel(m.group("label")), span(m, 0)));
        find(SIZE_SYSTEM, text, found, m -> new Size(m.group("system") + " " + m.group("label"), span(m, 0)));
        find(SIZE_LETTERS, text, found, m -> {
            String group = m.group("label") != null ? "label" : m.group("letter") != null ? "letter" : "before";
            return new Size(sizeLabel(m.group(group)), span(m, group));
        });
        find(SIZE_IN, text, found, m -> new Size(sizeLabel(m.group("label")), span(m, 0)));
        find(HALF_SIZE, text, found, m -> new Size(m.group("label"), span(m, 0)));

        List<Entity> phrases = new ArrayList<>();
        find(PRICE_RANGE, text, phrases, m -> priceRange(m, text));
        find(PRICE_MAX, text, phrases, m -> priceBound(m, text, false));
        find(PRICE_MIN, text, phrases, m -> priceBound(m, text, true));
        find(RANKING, text, phrases, m -> new Ranking(ranking(m), span(m, 0)));
        find(COLOUR, text, phrases, m -> colour(m));
        find(CATEGORY, text, phrases, EntityExtractor::category);
        for (Entity phrase : phrases) {
            if (address == null || !address.span().overlaps(phrase.span())) {
                found.add(phrase);
            }
        }
        found.sort(Comparator.comparingInt(Entity::start));
        return new Entities(found);
    }

    /** Reads a one-line address as {@link NewAddress#value()} writes it back, or {@code null}. */
    public static NewAddress parseAddress(String line) {
        return components(line, new Span(line, 0, line.length()));
    }

    private static void find(Pattern pattern, String text, List<Entity> found, Function<Matcher, Entity> maker) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            Entity entity = maker.apply(m);
            if (entity != null && found.stream().noneMatch(e -> e.span().overlaps(entity.span()))) {
                found.add(entity);
            }
        }
    }

    private static Span span(Matcher m, int group) {
        return new Span(m.group(group), m.start(group), m.end(group));
    }

    private static Span span(Matcher m, String group) {
        return new Span(m.group(group), m.start(group), m.end(group));
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    // Order numbers

    private static void orderNumbers(String text, List<Entity> found) {
        Matcher bare = BARE_ORDER.matcher(text);
        if (bare.matches()) {
            String digits = bare.group(1);
            int value = Integer.parseInt(digits);
            if (digits.length() != 4 || value < 1900 || value > 2099) {
                found.add(new OrderNumber(digits, span(bare, 1)));
                return;
            }
        }
        find(ORDER, text, found, m -> {
            // "to order 300" is a purchase, but "to order #1001" names an order
            boolean purchase = m.group("verb") != null && !m.group().contains("#");
            if (purchase || NOT_AN_ORDER_AFTER.matcher(text.substring(m.end())).find()) {
                return null;
            }
            String group = m.group("hash") != null ? "hash" : "word";
            return new OrderNumber(orderValue(m.group(group)), span(m, group));
        });
        // "orders 1001 and 1002", "#1001, #1002": the numbers listed after one.
        for (OrderNumber first : List.copyOf(found).stream()
                .filter(OrderNumber.class::isInstance)
                .map(OrderNumber.class::cast)
                .toList()) {
            int at = first.end();
            Matcher more = MORE_ORDERS.matcher(text.substring(at));
            while (more.find()) {
                Span span = new Span(more.group(1), at + more.start(1), at + more.end(1));
                if (NOT_AN_ORDER_AFTER.matcher(text.substring(span.end())).find()
                        || found.stream().anyMatch(e -> e.span().overlaps(span))) {
                    break;
                }
                found.add(new OrderNumber(orderValue(more.group(1)), span));
                at = span.end();
                more = MORE_ORDERS.matcher(text.substring(at));
            }
        }
    }

    private static String orderValue(String written) {
        return written.toUpperCase(Locale.ROOT).replaceFirst("^(?:ORDER|ORD|NO|NR)-?(?=\\d)", "");
    }

    // Money and prices

    private static Money money(Matcher m) {
        String symbol =
                m.group("sym") != null ? m.group("sym") : m.group("code") != null ? m.group("code") : m.group("unit");
        String number = m.group("n1") != null ? m.group("n1") : m.group("n2") != null ? m.group("n2") : m.group("n3");
        return new Money(decimal(number), currency(symbol), span(m, 0));
    }

    private static String currency(String symbol) {
        return symbol == null ? null : CURRENCIES.getOrDefault(symbol.toLowerCase(Locale.ROOT), "USD");
    }

    private static PriceBound priceRange(Matcher m, String text) {
        String currency = currency(m.group("asym") != null ? m.group("asym") : m.group("aunit"));
        String second = currency(m.group("bsym") != null ? m.group("bsym") : m.group("bunit"));
        String lower = m.group().toLowerCase(Locale.ROOT);
        boolean between = lower.startsWith("between");
        // "between 20 and 40", "$20-40" and "20 to 40 dollars" are price ranges; "20 and 40", "from 9 to 5" are not.
        if ((currency == null && second == null && !between) || (!between && lower.matches(".*\\s(and|&)\\s.*"))) {
            return null;
        }
        BigDecimal min = decimal(m.group("an"));
        BigDecimal max = decimal(m.group("bn"));
        if (min.compareTo(max) > 0) {
            return null;
        }
        if (currency == null
                && second == null
                && !BARE_PRICE_FOLLOWER.matcher(text.substring(m.end())).find()) {
            return null;
        }
        return new PriceBound(min, max, currency != null ? currency : second, span(m, 0));
    }

    private static PriceBound priceBound(Matcher m, String text, boolean lower) {
        String currency = currency(m.group("asym") != null ? m.group("asym") : m.group("aunit"));
        // A bare number ("under 150") is a price only when nothing else is counted: not "over 3 days".
        if (currency == null
                && !BARE_PRICE_FOLLOWER.matcher(text.substring(m.end())).find()) {
            return null;
        }
        BigDecimal amount = decimal(m.group("an"));
        return lower
                ? new PriceBound(amount, null, currency, span(m, 0))
                : new PriceBound(null, amount, currency, span(m, 0));
    }

    private static Ranking.By ranking(Matcher m) {
        if (m.group("cheap") != null) {
            return Ranking.By.CHEAPEST;
        }
        if (m.group("dear") != null) {
            return Ranking.By.MOST_EXPENSIVE;
        }
        return m.group("rated") != null ? Ranking.By.BEST_RATED : Ranking.By.NEWEST;
    }

    private static BigDecimal decimal(String number) {
        String n = number;
        if (n.matches("\\d{1,3}(,\\d{3})+(\\.\\d{1,2})?")) {
            n = n.replace(",", "");
        } else if (n.matches("\\d{1,3}(\\.\\d{3})+(,\\d{1,2})?")) {
            n = n.replace(".", "").replace(',', '.');
        } else {
            n = n.replace(',', '.');
        }
        return new BigDecimal(n).setScale(2, RoundingMode.HALF_UP);
    }

    // Dates

    private interface DateMaker {
        LocalDate make();
    }

    private static DateMention date(Matcher m, DateMaker maker) {
        try {
            return new DateMention(maker.make(), span(m, 0));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * Month first, as most English-speaking shoppers write it, unless the first number cannot be a month ("14/3").
     * Without a year, the occurrence nearest to today, and only after a word that introduces a date ("on 3/12",
     * "delivered 3/12"), since "9/10" and "5/5" are more often ratings.
     */
    private static DateMention slashDate(Matcher m, String text, LocalDate today) {
        if (m.group(3) == null
                && !DATE_CUE.matcher(text.substring(0, m.start())).find()) {
            return null;
        }
        int first = num(m, 1);
        int second = num(m, 2);
        int month = first > 12 && second <= 12 ? second : first;
        int day = month == first ? second : first;
        if (m.group(3) == null) {
            return date(m, () -> nearest(today, month, day));
        }
        int year = num(m, 3) < 100 ? 2000 + num(m, 3) : num(m, 3);
        return date(m, () -> LocalDate.of(year, month, day));
    }

    private static DateMention monthDate(Matcher m, LocalDate today) {
        // "I may 2..." is a verb: "may" is the month when capitalised, dated with a year or an ordinal.
        if ("may".equals(m.group("m1"))
                && m.group("year") == null
                && m.group("d1").equals(m.group().substring(4))) {
            return null;
        }
        Month month = monthOf(m.group("m1") != null ? m.group("m1") : m.group("m2"));
        int day = Integer.parseInt(m.group("d1") != null ? m.group("d1") : m.group("d2"));
        if (m.group("year") != null) {
            return date(m, () -> LocalDate.of(Integer.parseInt(m.group("year")), month, day));
        }
        return date(m, () -> nearest(today, month.getValue(), day));
    }

    /** A day named without a year: the occurrence within half a year of today. */
    private static LocalDate nearest(LocalDate today, int month, int day) {
        if (day < 1 || day > Month.of(month).maxLength()) {
            throw new DateTimeException("no such day");
        }
        LocalDate best = null;
        for (int year = today.getYear() - 1; year <= today.getYear() + 1; year++) {
            if (month == 2 && day == 29 && !java.time.Year.isLeap(year)) {
                continue;
            }
            LocalDate candidate = LocalDate.of(year, month, day);
            if (best == null
                    || Math.abs(candidate.toEpochDay() - today.toEpochDay())
                            < Math.abs(best.toEpochDay() - today.toEpochDay())) {
                best = candidate;
            }
        }
        return best;
    }

    private static DateMention relativeDay(Matcher m, LocalDate today) {
        String word = m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        LocalDate day = switch (word) {
            case "yesterday" -> today.minusDays(1);
            case "tomorrow", "tmrw" -> today.plusDays(1);
            case "day before yesterday" -> today.minusDays(2);
            case "day after tomorrow" -> today.plusDays(2);
            default -> today;
        };
        return new DateMention(day, span(m, 0));
    }

    /**
     * "last Monday" is the latest Monday before today; "next Monday" the first after today; "this", "coming", "by",
     * "until" and "before" Monday the first on or after today; a Monday named alone or "on"/"since" Monday the latest
     * on or before today, since shoppers mostly tell what happened.
     */
    private static DateMention weekday(Matcher m, LocalDate today) {
        DayOfWeek day = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
        String word =
                m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        LocalDate date = switch (word) {
            case "last" -> today.with(TemporalAdjusters.previous(day));
            case "next" -> today.with(TemporalAdjusters.next(day));
            case "this", "this coming", "coming", "by", "until", "till", "before" ->
                today.with(TemporalAdjusters.nextOrSame(day));
            default -> today.with(TemporalAdjusters.previousOrSame(day));
        };
        return new DateMention(date, span(m, 0));
    }

    private static DateMention offset(Matcher m, LocalDate today) {
        if (m.group(6) != null) {
            int sign = m.group(6).equalsIgnoreCase("last") ? -1 : 1;
            return new DateMention(plus(today, m.group(7), sign), span(m, 0));
        }
        boolean future = m.group(1) != null;
        String count =
                (future ? m.group(2) : m.group(4)).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        int n = count.chars().allMatch(Character::isDigit) ? Integer.parseInt(count) : COUNTS.get(count);
        return new DateMention(plus(today, future ? m.group(3) : m.group(5), future ? n : -n), span(m, 0));
    }

    private static LocalDate plus(LocalDate today, String unit, int n) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "day" -> today.plusDays(n);
            case "week" -> today.plusWeeks(n);
            case "month" -> today.plusMonths(n);
            default -> today.plusYears(n);
        };
    }

    private static Month monthOf(String name) {
        String prefix = name.toLowerCase(Locale.ROOT).substring(0, 3);
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                    .toLowerCase(Locale.ROOT)
                    .startsWith(prefix)) {
                return month;
            }
        }
        throw new IllegalArgumentException(name);
    }

    // Product attributes

    private static String sizeLabel(String written) {
        String lower = written.toLowerCase(Locale.ROOT).replace(',', '.').replaceAll("[\\s-]+", " ");
        return switch (lower) {
            case "small" -> "S";
            case "medium" -> "M";
            case "large" -> "L";
            case "extra large" -> "XL";
            case "extra small" -> "XS";
            default -> lower.toUpperCase(Locale.ROOT);
        };
    }

    private static Colour colour(Matcher m) {
        String base = m.group(2).toLowerCase(Locale.ROOT).replace("gray", "grey");
        String name = m.group(1) == null ? base : m.group(1).toLowerCase(Locale.ROOT) + " " + base;
        return new Colour(name, span(m, 0));
    }

    private static Map<String, String> categoryWords() {
        Map<String, String> words = new LinkedHashMap<>();
        for (String w : List.of(
                "shoes?",
                "sneakers?",
                "trainers?",
                "boots?",
                "sandals?",
                "runners?",
                "heels",
                "loafers?",
                "slippers?",
                "flip[- ]flops")) {
            words.put(w, "footwear");
        }
        for (String w : List.of(
                "t-?shirts?",
                "tee-?shirts?",
                "tees?",
                "shirts?",
                "tops",
                "hoodies?",
                "sweatshirts?",
                "sweaters?",
                "jumpers?",
                "jackets?",
                "coats?",
                "shorts",
                "leggings",
                "pants",
                "trousers",
                "jeans",
                "dress(?:es)?",
                "skirts?")) {
            words.put(w, "apparel");
        }
        for (String w : List.of(
                "backpacks?",
                "bags?",
                "caps?",
                "hats?",
                "socks?",
                "watches",
                "smart ?watch(?:es)?",
                "sports watch(?:es)?",
                "belts?",
                "wallets?",
                "sunglasses",
                "scarf",
                "scarves",
                "gloves?")) {
            words.put(w, "accessories");
        }
        for (String w : List.of("tents?", "water bottles?", "bottles?", "sleeping bags?", "camping gear")) {
            words.put(w, "outdoor");
        }
        for (String w : List.of("laptops?", "headphones", "earbuds", "chargers?", "tablets?", "speakers?")) {
            words.put(w, "electronics");
        }
        for (String w : List.of("mugs?", "pillows?", "blankets?", "lamps?", "towels?")) {
            words.put(w, "home");
        }
        return words;
    }

    private static Category category(Matcher m) {
        String word = m.group(1).toLowerCase(Locale.ROOT);
        for (var entry : CATEGORY_PATTERNS.entrySet()) {
            if (entry.getKey().matcher(word).matches()) {
                return new Category(entry.getValue(), word, span(m, 1));
            }
        }
        return null;
    }

    // Addresses

    /**
     * A new address: after words that give one ("ship it to", "change the address to", "new address is") or, without
     * them, from a street with a number and a street type ("12 Main St"). It runs to "instead", "please", "and", a
     * sentence end or the end of the message, and must hold a street or a city or postal code: "send it to my office"
     * and "ship to 2 addresses" are none.
     */
    private static NewAddress address(String text) {
        Matcher trigger = ADDRESS_TRIGGER.matcher(text);
        while (trigger.find()) {
            NewAddress address = addressFrom(text, trigger.end());
            if (address != null
                    && (STREET.matcher(address.address1()).lookingAt()
                            || address.city() != null
                            || address.zip() != null)) {
                return address;
            }
        }
        Matcher street = STREET.matcher(text);
        while (street.find()) {
            NewAddress address = addressFrom(text, street.start());
            if (address != null && (address.city() != null || address.zip() != null)) {
                return address;
            }
        }
        return null;
    }

    private static NewAddress addressFrom(String text, int start) {
        Matcher end = ADDRESS_END.matcher(text).region(start, text.length());
        int stop = end.find() ? end.start() : text.length();
        String written = text.substring(start, stop).strip().replaceAll("[.,]+$", "");
        if (written.isEmpty() || written.chars().noneMatch(Character::isDigit)) {
            return null;
        }
        return components(written, new Span(written, start, start + written.length()));
    }

    private static NewAddress components(String written, Span span) {
        List<String> parts = new ArrayList<>();
        for (String part : written.split("\\s*,\\s*")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        if (parts.isEmpty() || parts.getFirst().chars().noneMatch(Character::isDigit) && parts.size() < 2) {
            return null;
        }
        String address1 = parts.removeFirst();
        String address2 = !parts.isEmpty() && UNIT.matcher(parts.getFirst()).matches() ? parts.removeFirst() : null;
        String country = null;
        if (!parts.isEmpty()) {
            country = COUNTRIES.get(parts.getLast().toLowerCase(Locale.ROOT));
            if (country != null) {
                parts.removeLast();
            }
        }
        String city = null;
        String province = null;
        String zip = null;
        String rest = String.join(", ", parts);
        Matcher m;
        if ((m = STATE_ZIP.matcher(rest)).matches() && US_STATES.contains(m.group("state"))) {
            province = m.group("state");
            zip = m.group("zip");
            city = blankToNull(m.group("city"));
            country = country == null ? "US" : country;
        } else if ((m = UK_POSTCODE.matcher(rest)).matches() && !rest.matches(".*\\d{4,}.*")) {
            zip = m.group("zip").toUpperCase(Locale.ROOT);
            city = blankToNull(m.group("city"));
            country = country == null ? "GB" : country;
        } else if ((m = ZIP_CITY.matcher(rest)).matches() || (m = CITY_ZIP.matcher(rest)).matches()) {
            zip = m.group("zip");
            city = m.group("city").strip();
        } else if (parts.size() >= 2 && parts.getLast().matches("\\d{4,6}")) {
            zip = parts.removeLast();
            city = String.join(", ", parts);
        } else if (!parts.isEmpty()) {
            city = rest;
        }
        if (city != null) {
            city = city.replaceAll("[.,]+$", "").strip();
        }
        return new NewAddress(address1, address2, blankToNull(city), province, zip, country, span);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip().replaceAll(",$", "");
    }
}
