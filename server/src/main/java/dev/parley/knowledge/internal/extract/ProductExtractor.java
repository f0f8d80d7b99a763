package dev.parley.knowledge.internal.extract;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;

/**
 * Products from schema.org JSON-LD, then microdata, then (when neither has one) Open Graph. A product both
 * structured-data formats describe is kept once, as JSON-LD says it.
 */
final class ProductExtractor {

    private static final Set<String> PRODUCT_TYPES =
            Set.of("Product", "ProductGroup", "IndividualProduct", "ProductModel", "SomeProducts");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,'\\u00A0\\u202F ]\\d+)*");
    private static final Map<String, String> AVAILABILITY = Stream.of(
                    "InStock",
                    "OutOfStock",
                    "PreOrder",
                    "BackOrder",
                    "Discontinued",
                    "LimitedAvailability",
                    "OnlineOnly",
                    "InStoreOnly",
                    "SoldOut",
                    "PreSale",
                    "MadeToOrder",
                    "Reserved")
            .collect(Collectors.toMap(term -> term.toLowerCase(Locale.ROOT), Function.identity()));

    private ProductExtractor() {}

    /** What one offer (or a product's single price) says. */
    private record Offer(String name, String sku, BigDecimal price, String currency, String availability) {

        Product.Variant variant() {
            return new Product.Variant(name, sku, price, currency, availability);
        }
    }

    static List<Product> extract(JsonLd jsonLd, Document document, URI base) {
        List<Product> products = new ArrayList<>();
        jsonLd.find(PRODUCT_TYPES).forEach(node -> addIfNew(products, fromJsonLd(jsonLd, node, base)));
        Microdata.items(document, PRODUCT_TYPES).forEach(item -> addIfNew(products, fromMicrodata(item, base)));
        if (products.isEmpty()) {
            fromOpenGraph(document, base).ifPresent(products::add);
        }
        return products;
    }

    private static Product fromJsonLd(JsonLd jsonLd, JsonNode node, URI base) {
        List<Offer> offers = new ArrayList<>();
        Offer aggregate = null;
        for (JsonNode offer : jsonLd.objects(node, "offers")) {
            if (JsonLd.types(offer).contains("AggregateOffer")) {
                aggregate = aggregate != null ? aggregate : offer(offer);
                jsonLd.objects(offer, "offers").forEach(nested -> offers.add(offer(nested)));
            } else {
                offers.add(offer(offer));
            }
        }
        List<Product.Variant> variants = new ArrayList<>();
        for (JsonNode variant : jsonLd.objects(node, "hasVariant")) {
            Offer first = jsonLd.objects(variant, "offers").stream()
                    .map(ProductExtractor::offer)
                    .findFirst()
                    .orElse(new Offer(null, null, null, null, null));
            variants.add(new Product.Variant(
                    TextBlocks.fromHtml(JsonLd.string(variant, "name")),
                    firstNonNull(JsonLd.string(variant, "sku"), first.sku()),
                    first.price(),
                    first.currency(),
                    first.availability()));
            if (first.price() != null) {
                offers.add(first);
            }
        }
        return assemble(
                TextBlocks.fromHtml(JsonLd.string(node, "name")),
                TextBlocks.fromHtml(JsonLd.string(node, "description")),
                JsonLd.string(node, "sku"),
                JsonLd.string(node, "brand"),
                url(base, JsonLd.string(node, "url")),
                url(base, image(node.get("image"))),
                offers,
                aggregate,
                variants);
    }

    private static Offer offer(JsonNode offer) {
        JsonNode specification = offer.path("priceSpecification");
        if (specification.isArray()) {
            specification = specification.path(0);
        }
        JsonNode item = offer.path("itemOffered");
        return new Offer(
                TextBlocks.fromHtml(firstNonNull(JsonLd.string(offer, "name"), JsonLd.string(item, "name"))),
                firstNonNull(JsonLd.string(offer, "sku"), JsonLd.string(item, "sku")),
                firstNonNull(
                        price(offer.get("price")), price(specification.get("price")), price(offer.get("lowPrice"))),
                firstNonNull(JsonLd.string(offer, "priceCurrency"), JsonLd.string(specification, "priceCurrency")),
                availability(JsonLd.string(offer, "availability")));
    }

    private static String image(JsonNode image) {
        if (image == null) {
            return null;
        }
        if (image.isArray()) {
            return image.isEmpty() ? null : image(image.get(0));
        }
        if (image.isObject()) {
            return firstNonNull(
                    JsonLd.string(image, "url"), JsonLd.string(image, "contentUrl"), JsonLd.string(image, "@id"));
        }
        return JsonLd.string(image);
    }

    private static Product fromMicrodata(Element item, URI base) {
        List<Offer> offers = new ArrayList<>();
        Offer aggregate = null;
        for (Element offer : Microdata.properties(item, "offers")) {
            if (!offer.hasAttr("itemscope")) {
                continue;
            }
            Offer read = new Offer(
                    Microdata.value(offer, "name"),
                    Microdata.value(offer, "sku"),
                    price(firstNonNull(Microdata.value(offer, "price"), Microdata.value(offer, "lowPrice"))),
                    Microdata.value(offer, "priceCurrency"),
                    availability(Microdata.value(offer, "availability")));
            if (Microdata.isA(offer, Set.of("AggregateOffer"))) {
                aggregate = aggregate != null ? aggregate : read;
            } else {
                offers.add(read);
            }
        }
        return assemble(
                TextBlocks.clean(Microdata.value(item, "name")),
                Microdata.value(item, "description"),
                Microdata.value(item, "sku"),
                brand(item),
                url(base, Microdata.value(item, "url")),
                url(base, Microdata.value(item, "image")),
                offers,
                aggregate,
                List.of());
    }

    private static String brand(Element item) {
        return Microdata.properties(item, "brand").stream()
                .map(brand -> brand.hasAttr("itemscope") ? Microdata.value(brand, "name") : Microdata.value(brand))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** Open Graph's product tags ({@code product:*}, as Facebook documents them, or the older {@code og:price:*}). */
    private static Optional<Product> fromOpenGraph(Document document, URI base) {
        String type = MetaTags.content(document, "og:type");
        if (type == null
                || !type.toLowerCase(Locale.ROOT).replaceFirst("^og:", "").startsWith("product")) {
            return Optional.empty();
        }
        Offer offer = new Offer(
                null,
                null,
                price(firstNonNull(
                        MetaTags.content(document, "product:price:amount"),
                        MetaTags.content(document, "og:price:amount"))),
                firstNonNull(
                        MetaTags.content(document, "product:price:currency"),
                        MetaTags.content(document, "og:price:currency")),
                availability(firstNonNull(
                        MetaTags.content(document, "product:availability"),
                        MetaTags.content(document, "og:availability"))));
        return Optional.of(assemble(
                TextBlocks.clean(MetaTags.content(document, "og:title")),
                TextBlocks.clean(MetaTags.content(document, "og:description")),
                MetaTags.content(document, "product:retailer_item_id"),
                MetaTags.content(document, "product:brand"),
                url(base, MetaTags.content(document, "og:url")),
                url(base, MetaTags.content(document, "og:image")),
                List.of(offer),
                null,
                List.of()));
    }

    /**
     * One offer gives the price; several give the lowest one ("from") and become variants; an AggregateOffer's
     * lowPrice wins over both.
     */
    private static Product assemble(
            String name,
            String description,
            String sku,
            String brand,
            URI url,
            URI image,
            List<Offer> offers,
            Offer aggregate,
            List<Product.Variant> variants) {
        Offer cheapest = offers.stream()
                .filter(offer -> offer.price() != null)
                .min(Comparator.comparing(Offer::price))
                .orElse(offers.isEmpty() ? null : offers.getFirst());
        Offer priced = aggregate != null && aggregate.price() != null ? aggregate : cheapest;
        String availability = offers.stream()
                .map(Offer::availability)
                .filter(Objects::nonNull)
                .reduce((a, b) -> a.equals("InStock") ? a : b.equals("InStock") ? b : a)
                .orElse(aggregate == null ? null : aggregate.availability());
        if (aggregate != null && aggregate.availability() != null) {
            availability = aggregate.availability();
        }
        List<Product.Variant> allVariants = !variants.isEmpty()
                ? variants
                : offers.size() > 1 ? offers.stream().map(Offer::variant).toList() : List.of();
        return new Product(
                name,
                description,
                sku != null ? sku : offers.size() == 1 ? offers.getFirst().sku() : null,
                brand,
                priced == null ? null : priced.price(),
                priced == null ? null : firstNonNull(priced.currency(), cheapest == null ? null : cheapest.currency()),
                availability,
                url,
                image,
                allVariants);
    }

    private static void addIfNew(List<Product> products, Product product) {
        if (product.name() == null && product.sku() == null && product.price() == null) {
            return;
        }
        boolean known = products.stream()
                .anyMatch(existing -> (product.sku() != null && product.sku().equalsIgnoreCase(existing.sku()))
                        || (product.name() != null && product.name().equalsIgnoreCase(existing.name())));
        if (!known) {
            products.add(product);
        }
    }

    private static URI url(URI base, String href) {
        return href == null ? null : UrlNormalizer.normalize(base, href).orElse(null);
    }

    private static BigDecimal price(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isNumber() ? nonNegative(node.decimalValue()) : price(JsonLd.string(node));
    }

    /**
     * A price as sites write it: "19.99", "$1,299.00", "1.299,00 €", "19,99". With both separators the last is the
     * decimal one; a lone comma is decimal unless three digits follow it (as in "1,299").
     */
    static BigDecimal price(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = NUMBER.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        String number = matcher.group().replaceAll("['\\u00A0\\u202F ]", "");
        int dot = number.lastIndexOf('.');
        int comma = number.lastIndexOf(',');
        if (dot >= 0 && comma >= 0) {
            char decimal = dot > comma ? '.' : ',';
            char grouping = decimal == '.' ? ',' : '.';
            number = number.replace(String.valueOf(grouping), "").replace(decimal, '.');
        } else if (comma >= 0) {
            boolean grouping = number.indexOf(',') != comma || number.length() - comma - 1 == 3;
            number = grouping ? number.replace(",", "") : number.replace(',', '.');
        } else if (dot >= 0 && number.indexOf('.') != dot) {
            number = number.replace(".", "");
        }
        try {
            return nonNegative(new BigDecimal(number));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal nonNegative(BigDecimal price) {
        return price.signum() < 0 ? null : price;
    }

    /** "https://schema.org/InStock", "schema:InStock", "in stock" and "instock" all become "InStock". */
    static String availability(String value) {
        if (value == null) {
            return null;
        }
        String term = JsonLd.localName(value);
        String known = AVAILABILITY.get(term.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
        return known != null ? known : TextBlocks.clean(term);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
