package dev.parley.assistant.internal.understanding;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds order numbers, emails, phone numbers, amounts and dates in a message. Overlapping finds keep the earliest,
 * longest one, so "+1 555 123 4567" is one phone and not an amount.
 */
public final class EntityExtractor {

    private static final Pattern EMAIL = Pattern.compile("(?i)\\b[a-z0-9._%+-]{1,64}@[a-z0-9.-]+\\.[a-z]{2,24}\\b");
    private static final Pattern ORDER = Pattern.compile(
            "(?i)(?:#\\s?([A-Z]{0,4}-?\\d{3,12})\\b)|(?:\\border(?:\\s+(?:number|no\\.?|num|id))?\\s*(?:is\\s+)?[:#]?\\s*([A-Z]{0,4}-?\\d{3,12})\\b)");
    private static final Pattern PHONE = Pattern.compile("(?<![\\w#])(\\+?\\d[\\d\\s().-]{7,17}\\d)(?!\\w)");
    private static final Pattern AMOUNT =
            Pattern.compile("(?i)(?:([$€£])\\s?(\\d{1,7}(?:[.,]\\d{3})*(?:[.,]\\d{1,2})?))"
                    + "|(?:\\b(\\d{1,7}(?:[.,]\\d{1,2})?)\\s?(usd|eur|gbp|uzs|dollars?|euros?|pounds?|so'?m|sum)\\b)");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern SLASH_DATE = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{2,4})\\b");
    private static final Pattern RELATIVE_DAY = Pattern.compile(
            "(?i)\\b(today|tomorrow|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");
    private static final Pattern MONTH_DATE;

    private static final Map<String, String> CURRENCIES = Map.ofEntries(
            Map.entry("$", "USD"),
            Map.entry("€", "EUR"),
            Map.entry("£", "GBP"),
            Map.entry("usd", "USD"),
            Map.entry("dollar", "USD"),
            Map.entry("dollars", "USD"),
            Map.entry("eur", "EUR"),
            Map.entry("euro", "EUR"),
            Map.entry("euros", "EUR"),
            Map.entry("gbp", "GBP"),
            Map.entry("pound", "GBP"),
            Map.entry("pounds", "GBP"),
            Map.entry("uzs", "UZS"),
            Map.entry("som", "UZS"),
            Map.entry("so'm", "UZS"),
            Map.entry("sum", "UZS"));

    static {
        StringBuilder months = new StringBuilder();
        for (Month month : Month.values()) {
            if (!months.isEmpty()) {
                months.append('|');
            }
            String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            months.append(full).append('|').append(full, 0, 3);
        }
        MONTH_DATE = Pattern.compile("(?i)\\b(?:(" + months
                + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + months + "))\\b");
    }

    public List<Entity> extract(String text) {
        List<Entity> found = new ArrayList<>();
        find(
                EMAIL,
                text,
                found,
                m -> new Entity("email", m.group(), m.group().toLowerCase(Locale.ROOT), m.start(), m.end()));
        find(ORDER, text, found, m -> {
            String number = m.group(1) != null ? m.group(1) : m.group(2);
            return new Entity("order_number", m.group().strip(), number.toUpperCase(Locale.ROOT), m.start(), m.end());
        });
        find(AMOUNT, text, found, m -> {
            String symbol = m.group(1) != null ? m.group(1) : m.group(4).toLowerCase(Locale.ROOT);
            String number = m.group(2) != null ? m.group(2) : m.group(3);
            return new Entity(
                    "amount",
                    m.group(),
                    decimal(number) + " " + CURRENCIES.getOrDefault(symbol, "USD"),
                    m.start(),
                    m.end());
        });
        find(ISO_DATE, text, found, m -> new Entity("date", m.group(), m.group(), m.start(), m.end()));
        find(SLASH_DATE, text, found, m -> {
            int year = Integer.parseInt(m.group(3));
            year = year < 100 ? 2000 + year : year;
            try {
                // US order, month first, as most English-speaking shoppers write it.
                return new Entity(
                        "date",
                        m.group(),
                        LocalDate.of(year, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))
                                .toString(),
                        m.start(),
                        m.end());
            } catch (java.time.DateTimeException e) {
                return null;
            }
        });
        find(MONTH_DATE, text, found, m -> {
            String monthName = m.group(1) != null ? m.group(1) : m.group(4);
            String day = m.group(2) != null ? m.group(2) : m.group(3);
            Month month = monthOf(monthName);
            int d = Integer.parseInt(day);
            if (month == null || d < 1 || d > month.maxLength()) {
                return null;
            }
            return new Entity(
                    "date",
                    m.group(),
                    String.format(Locale.ROOT, "--%02d-%02d", month.getValue(), d),
                    m.start(),
                    m.end());
        });
        find(
                RELATIVE_DAY,
                text,
                found,
                m -> new Entity("date", m.group(), m.group().toLowerCase(Locale.ROOT), m.start(), m.end()));
        find(PHONE, text, found, m -> {
            String digits = m.group(1).replaceAll("[^\\d+]", "");
            int count = digits.replace("+", "").length();
            if (count < 9 || count > 15) {
                return null;
            }
            return new Entity("phone", m.group(1), digits, m.start(1), m.end(1));
        });
        found.sort(Comparator.comparingInt(Entity::start));
        return found;
    }

    private interface Maker {
        Entity make(Matcher matcher);
    }

    private static void find(Pattern pattern, String text, List<Entity> found, Maker maker) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            Entity entity = maker.make(m);
            if (entity != null && found.stream().noneMatch(e -> e.start() < entity.end() && entity.start() < e.end())) {
                found.add(entity);
            }
        }
    }

    private static String decimal(String number) {
        String n = number;
        if (n.matches("\\d{1,3}(,\\d{3})+(\\.\\d{1,2})?")) {
            n = n.replace(",", "");
        } else if (n.matches("\\d{1,3}(\\.\\d{3})+(,\\d{1,2})?")) {
            n = n.replace(".", "").replace(',', '.');
        } else {
            n = n.replace(',', '.');
        }
        return new java.math.BigDecimal(n)
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .toPlainString();
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
        return null;
    }
}
