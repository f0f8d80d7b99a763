package dev.parley.knowledge.internal.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/** HTML microdata: items ({@code itemscope} with {@code itemtype}) and the values of their own properties. */
final class Microdata {

    private Microdata() {}

    /** Items of one of the schema.org {@code types}, outermost first; items nested in a found one are not searched. */
    static List<Element> items(Element root, Set<String> types) {
        List<Element> items = new ArrayList<>();
        for (Element element : root.select("[itemscope][itemtype]")) {
            if (isA(element, types)
                    && items.stream().noneMatch(item -> element.parents().contains(item))) {
                items.add(element);
            }
        }
        return items;
    }

    static boolean isA(Element item, Set<String> types) {
        return Arrays.stream(item.attr("itemtype").strip().split("\\s+"))
                .filter(type -> !type.isEmpty())
                .map(JsonLd::localName)
                .anyMatch(types::contains);
    }

    /** The elements carrying property {@code name} of {@code item} itself, not of items nested inside it. */
    static List<Element> properties(Element item, String name) {
        List<Element> properties = new ArrayList<>();
        for (Element element : item.select("[itemprop]")) {
            if (element != item && hasProperty(element, name) && owner(element) == item) {
                properties.add(element);
            }
        }
        return properties;
    }

    /** A property's first value as text, or null. */
    static String value(Element item, String name) {
        return properties(item, name).stream()
                .map(Microdata::value)
                .filter(value -> value != null)
                .findFirst()
                .orElse(null);
    }

    /** A property element's value as microdata defines it: content, href, src, datetime, value, else its text. */
    static String value(Element property) {
        String raw;
        if (property.hasAttr("content")) {
            raw = property.attr("content");
        } else {
            raw = switch (property.normalName()) {
                case "a", "area", "link" ->
                    property.absUrl("href").isEmpty() ? property.attr("href") : property.absUrl("href");
                case "img", "audio", "video", "source", "embed", "iframe", "track" ->
                    property.absUrl("src").isEmpty() ? property.attr("src") : property.absUrl("src");
                case "object" -> property.attr("data");
                case "data", "meter" -> property.attr("value");
                case "time" -> property.hasAttr("datetime") ? property.attr("datetime") : property.text();
                default -> TextBlocks.plain(property);
            };
        }
        String value = raw.strip();
        return value.isEmpty() ? null : value;
    }

    private static boolean hasProperty(Element element, String name) {
        return Arrays.stream(element.attr("itemprop").strip().split("\\s+"))
                .map(JsonLd::localName)
                .anyMatch(property -> property.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
    }

    /** The item a property belongs to: the nearest enclosing {@code itemscope}. */
    private static Element owner(Element property) {
        Element parent = property.parent();
        while (parent != null && !parent.hasAttr("itemscope")) {
            parent = parent.parent();
        }
        return parent;
    }
}
