package dev.parley.commerce.internal;

import static dev.parley.commerce.OrderState.CANCELLED;
import static dev.parley.commerce.OrderState.DELIVERED;
import static dev.parley.commerce.OrderState.IN_TRANSIT;
import static dev.parley.commerce.OrderState.PARTIALLY_REFUNDED;
import static dev.parley.commerce.OrderState.REFUNDED;
import static dev.parley.commerce.OrderState.UNFULFILLED;

import dev.parley.commerce.OrderState;
import dev.parley.commerce.ShipmentStatus;
import dev.parley.commerce.internal.StoreConnector.Address;
import dev.parley.commerce.internal.StoreConnector.FinancialStatus;
import dev.parley.commerce.internal.StoreConnector.Fulfillment;
import dev.parley.commerce.internal.StoreConnector.FulfillmentStatus;
import dev.parley.commerce.internal.StoreConnector.LineItem;
import dev.parley.commerce.internal.StoreConnector.Order;
import dev.parley.commerce.internal.StoreConnector.Product;
import dev.parley.commerce.internal.StoreConnector.Variant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The demo store's data, generated the same way on every start: a catalogue of 320 products with sizes, colours,
 * prices and stock, and orders in every state, placed relative to the moment they are loaded. The named orders
 * 1001 to 1008 are listed in {@code docs/demo-store.md}.
 */
final class DemoCatalogue {

    static final int PRODUCTS = 320;
    static final int ORDERS = 60;
    static final String CURRENCY = "USD";

    /** @param about what the product is and is for, as a store would describe it, so a search by meaning finds it */
    private record Kind(String category, String name, int basePrice, List<String> sizes, String about) {}

    private static final List<String> SHOE_SIZES = List.of("7", "8", "9", "10", "11", "12");
    private static final List<String> CLOTHING_SIZES = List.of("XS", "S", "M", "L", "XL");
    private static final List<String> ONE_SIZE = List.of("One Size");
    private static final List<Kind> KINDS = List.of(
            new Kind(
                    "footwear",
                    "Running Shoes",
                    120,
                    SHOE_SIZES,
                    "road running shoes with a cushioned midsole and a breathable mesh upper, made for daily miles on pavement"),
            new Kind(
                    "footwear",
                    "Trail Shoes",
                    135,
                    SHOE_SIZES,
                    "trail running shoes with a grippy lugged outsole and a rock plate for muddy, rocky paths"),
            new Kind(
                    "footwear",
                    "Sneakers",
                    85,
                    SHOE_SIZES,
                    "casual everyday sneakers with a padded collar and a flexible rubber sole"),
            new Kind(
                    "footwear",
                    "Hiking Boots",
                    160,
                    SHOE_SIZES,
                    "waterproof leather hiking boots with ankle support and a deep-lug sole for mountain trails"),
            new Kind(
                    "footwear",
                    "Sandals",
                    40,
                    SHOE_SIZES,
                    "lightweight sandals with adjustable straps for summer, the beach and travel"),
            new Kind(
                    "apparel",
                    "T-Shirt",
                    25,
                    CLOTHING_SIZES,
                    "a soft, quick-drying technical tee for running, training and everyday wear"),
            new Kind(
                    "apparel",
                    "Hoodie",
                    60,
                    CLOTHING_SIZES,
                    "a warm fleece-lined pullover hoodie with a kangaroo pocket and a drawstring hood"),
            new Kind(
                    "apparel",
                    "Rain Jacket",
                    110,
                    CLOTHING_SIZES,
                    "a waterproof, breathable shell jacket with taped seams and a packable hood, for hiking and wet commutes"),
            new Kind(
                    "apparel",
                    "Running Shorts",
                    35,
                    CLOTHING_SIZES,
                    "light running shorts with a built-in liner and a zipped pocket"),
            new Kind(
                    "apparel",
                    "Leggings",
                    55,
                    CLOTHING_SIZES,
                    "stretchy high-waisted leggings, or running tights, for running, yoga and the gym"),
            new Kind(
                    "accessories",
                    "Backpack",
                    70,
                    ONE_SIZE,
                    "a 25-litre daypack with padded straps and a laptop sleeve for hiking, travel and commuting"),
            new Kind(
                    "accessories",
                    "Cap",
                    22,
                    ONE_SIZE,
                    "a lightweight, breathable baseball cap that keeps the sun off on runs and hikes"),
            new Kind(
                    "accessories",
                    "Running Socks",
                    12,
                    ONE_SIZE,
                    "cushioned, moisture-wicking running socks that prevent blisters"),
            new Kind(
                    "accessories",
                    "Sports Watch",
                    199,
                    ONE_SIZE,
                    "a GPS sports watch with heart-rate tracking for running, cycling and swimming"),
            new Kind(
                    "outdoor",
                    "Water Bottle",
                    18,
                    ONE_SIZE,
                    "an insulated stainless-steel water bottle that keeps drinks cold for 24 hours"),
            new Kind(
                    "outdoor",
                    "Tent",
                    240,
                    ONE_SIZE,
                    "a two-person backpacking tent, waterproof and quick to pitch, for camping trips"));
    private static final List<String> BRANDS =
            List.of("Stride", "Northpeak", "Aero", "Terra", "Volt", "Lumen", "Cascade", "Summit", "Drift", "Pulse");
    private static final List<String> LINES = List.of("Pro", "Lite", "Classic");
    private static final List<String> COLORS = List.of("Black", "White", "Navy", "Grey", "Red", "Olive", "Blue");
    private static final List<String[]> CUSTOMERS = List.of(
            new String[] {"Jane Doe", "jane@example.com"},
            new String[] {"John Smith", "john@example.com"},
            new String[] {"Maria Garcia", "maria@example.com"},
            new String[] {"Alex Kim", "alex@example.com"},
            new String[] {"Sam Lee", "sam@example.com"},
            new String[] {"Priya Patel", "priya@example.com"},
            new String[] {"Tom Brown", "tom@example.com"},
            new String[] {"Aziza Karimova", "aziza@example.com"});

    private static final List<Product> CATALOGUE = generateProducts();

    private DemoCatalogue() {}

    static List<Product> products() {
        return CATALOGUE;
    }

    private static List<Product> generateProducts() {
        Random random = new Random(20260206L);
        List<Product> products = new ArrayList<>();
        int n = 0;
        for (String brand : BRANDS) {
            for (Kind kind : KINDS) {
                for (String line : LINES) {
                    if (products.size() >= PRODUCTS || (random.nextInt(3) == 0 && !line.equals("Classic"))) {
                        continue;
                    }
                    n++;
                    String title = brand + " " + line + " " + kind.name();
                    BigDecimal price = BigDecimal.valueOf(kind.basePrice() * (0.8 + random.nextDouble() * 0.5))
                            .setScale(0, RoundingMode.HALF_UP)
                            .subtract(new BigDecimal("0.01"));
                    String id = "demo_prod_" + (1000 + n);
                    List<String> colors = List.of(
                            COLORS.get(random.nextInt(COLORS.size())), COLORS.get(random.nextInt(COLORS.size())));
                    List<Variant> variants = new ArrayList<>();
                    int v = 0;
                    for (String color : colors.stream().distinct().toList()) {
                        for (String size : kind.sizes()) {
                            v++;
                            int stock = random.nextInt(5) == 0 ? 0 : random.nextInt(25) + 1;
                            variants.add(new Variant(
                                    id + "_v" + v,
                                    sku(brand, kind, line, color, size),
                                    size,
                                    color,
                                    price,
                                    stock > 0,
                                    stock));
                        }
                    }
                    products.add(new Product(
                            id,
                            title,
                            description(kind, line, brand),
                            kind.category(),
                            price,
                            CURRENCY,
                            List.of("https://demo.parley.dev/images/" + id + ".jpg"),
                            variants,
                            url(id)));
                }
            }
        }
        // Fill up to the full catalogue with seasonal editions, still deterministic.
        int edition = 0;
        while (products.size() < PRODUCTS) {
            Product base = products.get(edition % products.size());
            edition++;
            String id = "demo_prod_" + (1000 + ++n);
            products.add(new Product(
                    id,
                    base.title() + " (Edition " + (2024 + edition % 3) + ")",
                    base.description(),
                    base.category(),
                    base.price().add(BigDecimal.TEN),
                    CURRENCY,
                    List.of("https://demo.parley.dev/images/" + id + ".jpg"),
                    base.variants().stream()
                            .map(va -> new Variant(
                                    va.id().replace(base.id(), id),
                                    va.sku() + "-E",
                                    va.size(),
                                    va.color(),
                                    base.price().add(BigDecimal.TEN),
                                    va.available(),
                                    va.inventory()))
                            .toList(),
                    url(id)));
        }
        return List.copyOf(products);
    }

    private static String sku(String brand, Kind kind, String line, String color, String size) {
        return (brand.substring(0, 3) + "-" + kind.name().replaceAll("[^A-Z]", "") + line.charAt(0) + "-"
                        + color.substring(0, 3) + "-" + size.replace(" ", ""))
                .toUpperCase(Locale.ROOT);
    }

    private static String description(Kind kind, String line, String brand) {
        String version = switch (line) {
            case "Pro" -> "our best-performing version";
            case "Lite" -> "the lightest version";
            default -> "the original design";
        };
        return brand + "'s " + line.toLowerCase(Locale.ROOT) + " " + kind.name().toLowerCase(Locale.ROOT) + ": "
                + kind.about() + "; " + version + ".";
    }

    /** The product's page in the demo shop. */
    private static String url(String id) {
        return "https://demo.parley.dev/products/" + id;
    }

    /** The demo orders, placed relative to {@code now}: 1001 to 1008 as documented, the rest varied. */
    static List<Order> orders(Instant now) {
        List<Product> products = CATALOGUE;
        List<Order> orders = new ArrayList<>();
        // 1001: shipped three days ago, in transit with tracking.
        orders.add(
                order(1001, 0, now.minus(days(4)), List.of(item(pick("Running Shoes", 0), 2, 1)), IN_TRANSIT, now, 0));
        // 1002: delivered, a small order (under the default refund limit of 50.00).
        orders.add(order(1002, 1, now.minus(days(12)), List.of(item(pick("T-Shirt", 0), 2, 1)), DELIVERED, now, 0));
        // 1003: delivered, a large order (over the default refund limit).
        orders.add(order(
                1003,
                2,
                now.minus(days(9)),
                List.of(item(pick("Hiking Boots", 0), 2, 1), item(pick("Rain Jacket", 0), 1, 1)),
                DELIVERED,
                now,
                0));
        // 1004: placed today, not shipped yet: its address can still change.
        orders.add(order(
                1004, 3, now.minus(Duration.ofHours(5)), List.of(item(pick("Hoodie", 1), 1, 2)), UNFULFILLED, now, 0));
        // 1005: cancelled before shipping.
        orders.add(order(1005, 4, now.minus(days(20)), List.of(item(pick("Backpack", 0), 0, 1)), CANCELLED, now, 0));
        // 1006: refunded in full.
        orders.add(order(1006, 5, now.minus(days(25)), List.of(item(pick("Sneakers", 1), 0, 1)), REFUNDED, now, 0));
        // 1007: partially refunded, one of two items.
        orders.add(order(
                1007,
                6,
                now.minus(days(15)),
                List.of(item(pick("Cap", 0), 0, 1), item(pick("Leggings", 0), 0, 1)),
                PARTIALLY_REFUNDED,
                now,
                0));
        // 1008: delivered 60 days ago, outside a 30-day return window.
        orders.add(order(1008, 0, now.minus(days(62)), List.of(item(pick("Trail Shoes", 0), 3, 1)), DELIVERED, now, 0));
        Random random = new Random(1009L);
        List<OrderState> states =
                List.of(IN_TRANSIT, DELIVERED, DELIVERED, UNFULFILLED, CANCELLED, REFUNDED, PARTIALLY_REFUNDED);
        for (int number = 1009; orders.size() < ORDERS; number++) {
            int customer = random.nextInt(CUSTOMERS.size());
            List<LineItem> items = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                Product product = products.get(random.nextInt(products.size()));
                items.add(item(product, random.nextInt(product.variants().size()), 1 + random.nextInt(2)));
            }
            OrderState state = states.get(random.nextInt(states.size()));
            Instant placed = now.minus(Duration.ofHours(6 + random.nextInt(24 * 80)));
            if (state == UNFULFILLED) {
                placed = now.minus(Duration.ofHours(1 + random.nextInt(30)));
            }
            orders.add(order(number, customer, placed, items, state, now, number));
        }
        return orders;
    }

    /** The {@code nth} product of a kind, so the named orders keep their items whatever the catalogue's order. */
    private static Product pick(String kind, int nth) {
        return CATALOGUE.stream()
                .filter(p -> p.title().endsWith(kind))
                .skip(nth)
                .findFirst()
                .orElseThrow();
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }

    private static LineItem item(Product product, int variant, int quantity) {
        Variant v = product.variants().get(Math.min(variant, product.variants().size() - 1));
        return new LineItem(v.sku(), product.title(), v.color() + " / " + v.size(), quantity, v.price());
    }

    private static Order order(
            int number, int customer, Instant placed, List<LineItem> items, OrderState state, Instant now, int seed) {
        String[] who = CUSTOMERS.get(customer);
        BigDecimal total = items.stream()
                .map(i -> i.price().multiply(BigDecimal.valueOf(i.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        Address address = new Address(
                who[0],
                (100 + number % 900) + " Market Street",
                null,
                List.of("San Francisco", "Austin", "New York", "Seattle", "Chicago")
                        .get(number % 5),
                List.of("CA", "TX", "NY", "WA", "IL").get(number % 5),
                String.format(Locale.ROOT, "%05d", 10000 + number * 7 % 89999),
                "US");
        List<Fulfillment> fulfillments = new ArrayList<>();
        FinancialStatus financial = FinancialStatus.PAID;
        FulfillmentStatus fulfillment = FulfillmentStatus.FULFILLED;
        Instant cancelled = null;
        BigDecimal refunded = BigDecimal.ZERO.setScale(2);
        String tracking = "1Z" + String.format(Locale.ROOT, "%016d", 7_000_000_000L + number * 7919L + seed);
        switch (state) {
            case IN_TRANSIT -> fulfillments.add(shipment(tracking, placed, now, false));
            case DELIVERED -> fulfillments.add(shipment(tracking, placed, now, true));
            case PARTIALLY_REFUNDED -> {
                fulfillments.add(shipment(tracking, placed, now, true));
                financial = FinancialStatus.PARTIALLY_REFUNDED;
                refunded = items.getFirst().price().setScale(2, RoundingMode.HALF_UP);
            }
            case UNFULFILLED -> fulfillment = FulfillmentStatus.UNFULFILLED;
            case CANCELLED -> {
                fulfillment = FulfillmentStatus.UNFULFILLED;
                financial = FinancialStatus.VOIDED;
                cancelled = placed.plus(Duration.ofHours(2));
            }
            case REFUNDED -> {
                fulfillments.add(shipment(tracking, placed, now, true));
                financial = FinancialStatus.REFUNDED;
                refunded = total;
            }
        }
        return new Order(
                "demo_order_" + number,
                Integer.toString(number),
                who[1],
                who[0],
                placed,
                CURRENCY,
                total,
                refunded,
                financial,
                fulfillment,
                cancelled,
                items,
                address,
                fulfillments);
    }

    /**
     * The UPS parcel of an order placed at {@code placed}: shipped a day later, due in four days while in transit, or
     * delivered three days after shipping (not later than now).
     */
    private static Fulfillment shipment(String tracking, Instant placed, Instant now, boolean delivered) {
        Instant shipped = placed.plus(Duration.ofDays(1));
        String url = "https://www.ups.com/track?tracknum=" + tracking;
        if (!delivered) {
            return new Fulfillment(
                    ShipmentStatus.IN_TRANSIT, "UPS", tracking, url, shipped, shipped.plus(Duration.ofDays(4)), null);
        }
        Instant due = shipped.plus(Duration.ofDays(3));
        return new Fulfillment(ShipmentStatus.DELIVERED, "UPS", tracking, url, shipped, due, min(due, now));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
