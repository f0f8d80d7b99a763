package dev.parley.assistant.internal.understanding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Something specific a message names, typed. Each kind says where it was written ({@link Span}), its wire type and its
 * normalized value as one string (what {@code Turn.DetectedEntity} carries).
 */
public sealed interface Entity {

    /** The words as written and where: {@code text} is {@code message.substring(start, end)}. */
    record Span(String text, int start, int end) {

        boolean overlaps(Span other) {
            return start < other.end && other.start < end;
        }
    }

    Span span();

    /** order_number, email, phone, amount, date, size, colour, category, price_bound, ranking, new_address. */
    String type();

    /** The normalized value as one string. */
    String value();

    default String text() {
        return span().text();
    }

    default int start() {
        return span().start();
    }

    default int end() {
        return span().end();
    }

    /** An order's number as the store shows it, upper-case: {@code 1001}, {@code NW-20931}. */
    record OrderNumber(String number, Span span) implements Entity {

        public String type() {
            return "order_number";
        }

        public String value() {
            return number;
        }
    }

    /** A lower-case email address. */
    record Email(String address, Span span) implements Entity {

        public String type() {
            return "email";
        }

        public String value() {
            return address;
        }
    }

    /** A phone number as its digits, with a leading {@code +} when written with one. */
    record Phone(String digits, Span span) implements Entity {

        public String type() {
            return "phone";
        }

        public String value() {
            return digits;
        }
    }

    /** An amount with two decimals and an ISO 4217 currency (USD when only "$" or "dollars" says it). */
    record Money(BigDecimal amount, String currency, Span span) implements Entity {

        public String type() {
            return "amount";
        }

        public String value() {
            return amount.toPlainString() + " " + currency;
        }
    }

    /** A day, absolute or relative ("yesterday", "last Monday", "in two weeks"), resolved against today. */
    record DateMention(LocalDate date, Span span) implements Entity {

        public String type() {
            return "date";
        }

        public String value() {
            return date.toString();
        }
    }

    /** A size as stores label it: {@code 10}, {@code 10.5}, {@code M}, {@code XL}, or {@code EU 42}. */
    record Size(String label, Span span) implements Entity {

        public String type() {
            return "size";
        }

        public String value() {
            return label;
        }
    }

    /** A colour, lower-case, British spelling ("gray" is {@code grey}). */
    record Colour(String name, Span span) implements Entity {

        public String type() {
            return "colour";
        }

        public String value() {
            return name;
        }
    }

    /**
     * A product category (footwear, apparel, accessories, outdoor, electronics, home) and the word that named it.
     */
    record Category(String name, String word, Span span) implements Entity {

        public String type() {
            return "category";
        }

        public String value() {
            return name;
        }
    }

    /** A price range: either bound may be {@code null}; {@code currency} when one was written, else {@code null}. */
    record PriceBound(BigDecimal min, BigDecimal max, String currency, Span span) implements Entity {

        public String type() {
            return "price_bound";
        }

        public String value() {
            return (min == null ? "" : min.toPlainString()) + ".." + (max == null ? "" : max.toPlainString())
                    + (currency == null ? "" : " " + currency);
        }
    }

    /** How the shopper wants products ordered: cheapest, most_expensive, best_rated or newest first. */
    record Ranking(By by, Span span) implements Entity {

        public enum By {
            CHEAPEST,
            MOST_EXPENSIVE,
            BEST_RATED,
            NEWEST
        }

        public String type() {
            return "ranking";
        }

        public String value() {
            return by.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A shipping address the customer gives, split as far as its writing allows; {@code address1} is always there,
     * the other parts may be {@code null}. {@code country} is an ISO 3166 code, written or implied (a US state with a
     * ZIP code is the US, a UK postcode is GB).
     */
    record NewAddress(
            String address1, String address2, String city, String province, String zip, String country, Span span)
            implements Entity {

        public String type() {
            return "new_address";
        }

        /** One line: the parts present, comma-separated. */
        public String value() {
            StringJoiner line = new StringJoiner(", ");
            line.add(address1);
            if (address2 != null) {
                line.add(address2);
            }
            String region = ((province == null ? "" : province) + " " + (zip == null ? "" : zip)).strip();
            if (city != null) {
                line.add(city);
            }
            if (!region.isEmpty()) {
                line.add(region);
            }
            if (country != null) {
                line.add(country);
            }
            return line.toString();
        }

        /** Enough for a store to ship to: a street, a city, a postal code and a country. */
        public boolean complete() {
            return city != null && zip != null && country != null;
        }
    }
}
