package dev.parley.commerce.internal;

import dev.parley.commerce.internal.StoreConnector.Product;
import dev.parley.commerce.internal.StoreConnector.ProductPage;
import dev.parley.commerce.internal.StoreConnector.Variant;
import dev.parley.knowledge.HybridIndex;
import dev.parley.knowledge.TextEmbeddings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One store's catalogue, searchable by meaning: every product (title, description, category, colours and sizes) in
 * the knowledge base's hybrid index (BM25 and MiniLM vectors, fused by rank). A search ranks the products for what
 * the shopper describes, keeps those close in meaning to the best match, then filters them by the asked attributes
 * (category, price, a colour and size in stock) and orders them by relevance or price.
 */
final class CatalogueIndex implements AutoCloseable {

    /**
     * How far down the fused ranking a product may be, as a share of the best match's score, and still count as what
     * was asked for. Products of the asked kind rank together at the top (by keyword and meaning), other kinds well
     * below: so "the cheapest tent" is a tent, not a cheaper water bottle.
     */
    static final double SCORE_SHARE = 0.6;

    /**
     * When no product shares a word with the request, how like it in meaning the best product must be for anything
     * to count as a match: "do you sell kayaks?" is not answered with hiking boots.
     */
    static final double MEANING_ONLY_FLOOR = 0.45;

    private final Map<String, Product> products;
    private final Set<String> categories;
    private final HybridIndex index;

    private CatalogueIndex(Map<String, Product> products, Set<String> categories, HybridIndex index) {
        this.products = products;
        this.categories = categories;
        this.index = index;
    }

    static CatalogueIndex of(List<Product> catalogue, TextEmbeddings embeddings) {
        Map<String, Product> byId = new LinkedHashMap<>();
        catalogue.forEach(p -> byId.put(p.id(), p));
        Set<String> categories = catalogue.stream()
                .map(Product::category)
                .filter(Objects::nonNull)
                .map(c -> c.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        HybridIndex index = HybridIndex.of(
                byId.values().stream()
                        .map(p -> new HybridIndex.Entry(p.id(), p.title(), text(p)))
                        .toList(),
                embeddings);
        return new CatalogueIndex(byId, categories, index);
    }

    /** What is indexed of a product besides its title: its description, category, colours and sizes. */
    static String text(Product p) {
        StringBuilder text = new StringBuilder();
        if (p.description() != null && !p.description().isBlank()) {
            text.append(p.description().strip());
        }
        if (p.category() != null) {
            text.append(" Category: ").append(p.category()).append('.');
        }
        String colors = p.variants().stream()
                .map(Variant::color)
                .filter(Objects::nonNull)
                .distinct()
                .collect(Collectors.joining(", "));
        if (!colors.isEmpty()) {
            text.append(" Colours: ").append(colors).append('.');
        }
        return text.toString().strip();
    }

    /** The catalogue's categories, lower case: what a request may name as one. */
    Set<String> categories() {
        return categories;
    }

    int size() {
        return products.size();
    }

    ProductPage search(ProductAsk ask, int limit) {
        List<Product> found = new ArrayList<>();
        for (Product product : relevant(ask.text())) {
            if (matches(product, ask)) {
                found.add(product);
            }
        }
        if (ask.sort() == ProductAsk.Sort.PRICE_ASC) {
            found.sort(Comparator.comparing(Product::price));
        } else if (ask.sort() == ProductAsk.Sort.PRICE_DESC) {
            found.sort(Comparator.comparing(Product::price).reversed());
        }
        List<Product> page = found.stream().limit(limit).toList();
        return new ProductPage(page, found.size(), found.size() > page.size());
    }

    /** The products that are what the text describes, best first; the whole catalogue when it describes nothing. */
    private List<Product> relevant(String text) {
        if (text == null || text.isBlank()) {
            return List.copyOf(products.values());
        }
        List<HybridIndex.Hit> hits = index.search(text, products.size());
        if (hits.isEmpty()) {
            return List.of();
        }
        boolean sharesWords = hits.stream().anyMatch(HybridIndex.Hit::keywordMatch);
        double bestSimilarity =
                hits.stream().mapToDouble(HybridIndex.Hit::similarity).max().orElse(-1);
        if (!sharesWords && bestSimilarity < MEANING_ONLY_FLOOR) {
            return List.of();
        }
        double bestScore = hits.getFirst().score();
        List<Product> close = hits.stream()
                .filter(h -> h.score() >= bestScore * SCORE_SHARE)
                .map(h -> products.get(h.id()))
                .filter(Objects::nonNull)
                .toList();
        // A request that is a product's name ("running shoes", "hoodies") means products of that name, not their
        // neighbours in meaning (trail shoes, running socks), whatever the filters and order leave of them.
        Set<String> asked = words(text);
        List<Product> named =
                close.stream().filter(p -> words(p.title()).containsAll(asked)).toList();
        return named.isEmpty() ? close : named;
    }

    /** A text's words, lower case and singular enough to compare a request with a title ("hoodies", "Hoodie"). */
    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isBlank()) {
                continue;
            }
            words.add(
                    word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")
                            ? word.substring(0, word.length() - 1)
                            : word);
        }
        return words;
    }

    private static boolean matches(Product product, ProductAsk ask) {
        if (ask.category() != null
                && (product.category() == null || !product.category().equalsIgnoreCase(ask.category()))) {
            return false;
        }
        if (ask.minPrice() != null && product.price().compareTo(ask.minPrice()) < 0) {
            return false;
        }
        if (ask.maxPrice() != null && product.price().compareTo(ask.maxPrice()) > 0) {
            return false;
        }
        if (ask.size() == null && ask.color() == null) {
            return true;
        }
        return product.variants().stream().anyMatch(v -> v.available() && fits(v, ask));
    }

    /** Whether a variant is of the asked size and colour (those asked). */
    static boolean fits(Variant variant, ProductAsk ask) {
        return (ask.size() == null || ask.size().equalsIgnoreCase(variant.size()))
                && (ask.color() == null || ask.color().equalsIgnoreCase(variant.color()));
    }

    @Override
    public void close() {
        index.close();
    }
}
