package dev.parley.commerce.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.parley.commerce.ShipmentStatus;
import dev.parley.commerce.internal.StoreConnection.Credentials;
import dev.parley.commerce.internal.StoreConnector.FinancialStatus;
import dev.parley.commerce.internal.StoreConnector.FulfillmentStatus;
import dev.parley.platform.FetchException;
import dev.parley.platform.FetchRequest;
import dev.parley.platform.FetchResponse;
import dev.parley.platform.GuardedFetcher;
import dev.parley.platform.Ids;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WooCommerce through its REST API v3 ({@code /wp-json/wc/v3}), authenticated with the store's consumer key and
 * secret (HTTP Basic). Tracking comes from the Shipment Tracking extension's {@code _wc_shipment_tracking_items}
 * order meta when present. 429, 5xx and timeouts are retried as {@link StoreRetries} says.
 */
final class WooCommerceStore implements StoreConnector {

    private final String api;
    private final String authorization;
    private final GuardedFetcher fetcher;
    private final StoreHealth health;
    private final JsonMapper json;
    private final Duration timeout;

    WooCommerceStore(
            URI baseUrl,
            Credentials credentials,
            GuardedFetcher fetcher,
            StoreHealth health,
            JsonMapper json,
            Duration timeout) {
        this.api = baseUrl.toString().replaceAll("/+$", "") + "/wp-json/wc/v3";
        this.authorization = "Basic "
                + Base64.getEncoder()
                        .encodeToString((credentials.consumerKey() + ":" + credentials.consumerSecret())
                                .getBytes(StandardCharsets.UTF_8));
        this.fetcher = fetcher;
        this.health = health;
        this.json = json;
        this.timeout = timeout;
    }

    @Override
    public String platform() {
        return "woocommerce";
    }

    @Override
    public Optional<Order> order(String orderNumber) {
        if (!orderNumber.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return call(FetchRequest.Method.GET, "/orders/" + orderNumber, null).map(WooCommerceStore::order);
    }

    @Override
    public List<Order> ordersByEmail(String email, int limit) {
        JsonNode found = call(
                        FetchRequest.Method.GET,
                        "/orders?per_page=" + Math.min(100, limit) + "&search=" + encode(email),
                        null)
                .orElseThrow();
        List<Order> orders = new ArrayList<>();
        found.forEach(o -> {
            if (email.equalsIgnoreCase(o.at("/billing/email").asString())) {
                orders.add(order(o));
            }
        });
        return orders;
    }

    @Override
    public Optional<Customer> customer(String email) {
        JsonNode found = call(FetchRequest.Method.GET, "/customers?email=" + encode(email), null)
                .orElseThrow();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JsonNode c = found.get(0);
        return Optional.of(new Customer(
                c.path("id").asString(),
                c.path("email").asString(),
                (c.path("first_name").asString("") + " " + c.path("last_name").asString("")).strip(),
                c.path("orders_count").asInt(0)));
    }

    @Override
    public Order refund(Order order, BigDecimal amount, String reason) {
        RefundRequest body =
                new RefundRequest(amount.toPlainString(), reason == null ? "Refunded by Parley" : reason, true, null);
        call(FetchRequest.Method.POST, "/orders/" + order.id() + "/refunds", body);
        return order(order.number()).orElse(order);
    }

    /**
     * WooCommerce has no returns of its own (returns plugins differ per store), so a return is what stores without
     * a plugin do by hand: an RMA number Parley makes, written on the order as a note the customer also gets by
     * email ({@code customer_note}), so the store's team sees it and sends the label. No carrier label is made.
     */
    @Override
    public ReturnLabel createReturn(Order order, String reason) {
        String rma = "RMA-" + order.number() + "-" + Ids.random(6).toUpperCase(Locale.ROOT);
        OrderNote note = new OrderNote(
                "Return " + rma + " opened by Parley for the whole order"
                        + (reason == null || reason.isBlank() ? "" : " (reason: " + reason.strip() + ")")
                        + ". Please write " + rma + " on the parcel; we will email you the return label.",
                true);
        call(FetchRequest.Method.POST, "/orders/" + order.id() + "/notes", note);
        return new ReturnLabel(rma, null, null, null);
    }

    @Override
    public Discount createDiscount(String code, int percent, String email) {
        Coupon body =
                new Coupon(code, "percent", Integer.toString(percent), true, 1, email == null ? null : List.of(email));
        call(FetchRequest.Method.POST, "/coupons", body);
        return new Discount(code, percent);
    }

    @Override
    public Order changeAddress(Order order, Address address) {
        Shipping shipping = new Shipping(
                address.address1(),
                address.address2() == null ? "" : address.address2(),
                address.city(),
                address.province() == null ? "" : address.province(),
                address.zip(),
                address.country());
        return call(FetchRequest.Method.PUT, "/orders/" + order.id(), Map.of("shipping", shipping))
                .map(WooCommerceStore::order)
                .orElse(order);
    }

    /**
     * WooCommerce's status {@code cancelled} (which restocks the items), then, for an order that was paid, a refund
     * of what is left on it through the payment gateway ({@code api_refund}), as WooCommerce does not return payment
     * on cancelling. When that refund fails the order stays cancelled and a person returns the payment.
     */
    @Override
    public Cancellation cancel(Order order, String reason) {
        Order cancelled = call(FetchRequest.Method.PUT, "/orders/" + order.id(), Map.of("status", "cancelled"))
                .map(WooCommerceStore::order)
                .orElseThrow(() -> new StoreUnavailableException(platform(), "order_not_found"));
        boolean paid = order.financialStatus() == FinancialStatus.PAID
                || order.financialStatus() == FinancialStatus.PARTIALLY_REFUNDED;
        if (!paid || order.refundable().signum() == 0) {
            return new Cancellation(cancelled, true);
        }
        RefundRequest body = new RefundRequest(
                order.refundable().toPlainString(),
                "Order cancelled by Parley at the customer's request"
                        + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()),
                true,
                false);
        try {
            call(FetchRequest.Method.POST, "/orders/" + order.id() + "/refunds", body);
            return new Cancellation(cancelled, true);
        } catch (StoreUnavailableException refundFailed) {
            return new Cancellation(cancelled, false);
        }
    }

    /** The published products, page by page (100 a page) up to {@value StoreConnector#CATALOGUE_MAX}. */
    @Override
    public List<Product> catalogue() {
        List<Product> products = new ArrayList<>();
        for (int page = 1; products.size() < CATALOGUE_MAX; page++) {
            Response found =
                    exchange(FetchRequest.Method.GET, "/products?status=publish&per_page=100&page=" + page, null);
            if (found == null || !found.body().isArray() || found.body().isEmpty()) {
                break;
            }
            for (JsonNode p : found.body()) {
                if (products.size() < CATALOGUE_MAX) {
                    products.add(product(p));
                }
            }
            if (found.body().size() < 100 || (found.total() >= 0 && products.size() >= found.total())) {
                break;
            }
        }
        return products;
    }

    @Override
    public boolean reachable() {
        try {
            call(FetchRequest.Method.GET, "/system_status", null);
            return true;
        } catch (StoreUnavailableException e) {
            return false;
        }
    }

    private record Response(JsonNode body, long total) {}

    /** The body of a successful call, or empty for a 404. */
    /**
     * A refund through the payment gateway ({@code api_refund}); {@code restock_items} only when cancelling, which
     * has restocked them already.
     */
    record RefundRequest(
            String amount,
            String reason,
            @JsonProperty("api_refund") boolean apiRefund,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("restock_items")
            Boolean restockItems) {}

    /** A note on an order; {@code customer_note} also emails it to the customer. */
    record OrderNote(
            String note, @JsonProperty("customer_note") boolean customerNote) {}

    /** A single-use coupon, for one customer's email when known. */
    record Coupon(
            String code,
            @JsonProperty("discount_type") String discountType,
            String amount,
            @JsonProperty("individual_use") boolean individualUse,
            @JsonProperty("usage_limit") int usageLimit,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("email_restrictions")
            List<String> emailRestrictions) {}

    /** An order's shipping address in WooCommerce's names. */
    record Shipping(
            @JsonProperty("address_1") String address1,
            @JsonProperty("address_2") String address2,
            String city,
            String state,
            String postcode,
            String country) {}

    private Optional<JsonNode> call(FetchRequest.Method method, String path, Object body) {
        Response response = exchange(method, path, body);
        return response == null ? Optional.empty() : Optional.of(response.body());
    }

    private Response exchange(FetchRequest.Method method, String path, Object body) {
        FetchRequest request = FetchRequest.get(URI.create(api + path))
                .withMethod(method)
                .withHeader("Authorization", authorization)
                .withHeader("Accept", "application/json")
                .withTimeout(timeout)
                .withMaxRedirects(0);
        if (body != null) {
            request = request.withHeader("Content-Type", "application/json")
                    .withBody(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        }
        String reason = "unavailable";
        for (int attempt = 0; attempt < StoreRetries.ATTEMPTS; attempt++) {
            Duration wait = StoreRetries.backoff(attempt);
            FetchResponse response;
            try {
                response = fetcher.fetch(request);
            } catch (FetchException e) {
                if (e.reason() == FetchException.Reason.TIMEOUT
                        || e.reason() == FetchException.Reason.CONNECTION_FAILED) {
                    reason = e.reason().name().toLowerCase(Locale.ROOT);
                    StoreRetries.pause(wait, platform());
                    continue;
                }
                health.failed(platform());
                throw new StoreUnavailableException(
                        platform(), e.reason().name().toLowerCase(Locale.ROOT));
            }
            if (response.status() == 429 || response.status() >= 500) {
                reason = response.status() == 429 ? "throttled" : "http_" + response.status();
                StoreRetries.pause(StoreRetries.retryAfter(response).orElse(wait), platform());
                continue;
            }
            if (response.status() == 404 && method == FetchRequest.Method.GET) {
                health.succeeded(platform());
                return null;
            }
            if (!response.successful()) {
                health.failed(platform());
                throw new StoreUnavailableException(
                        platform(),
                        response.status() == 401 || response.status() == 403
                                ? "unauthorized"
                                : "http_" + response.status());
            }
            try {
                JsonNode parsed = json.readTree(response.text());
                health.succeeded(platform());
                long total = response.header("X-WP-Total")
                        .map(t -> {
                            try {
                                return Long.parseLong(t.strip());
                            } catch (NumberFormatException e) {
                                return -1L;
                            }
                        })
                        .orElse(-1L);
                return new Response(parsed, total);
            } catch (RuntimeException malformed) {
                health.failed(platform());
                throw new StoreUnavailableException(platform(), "malformed_response");
            }
        }
        health.failed(platform());
        throw new StoreUnavailableException(platform(), reason);
    }

    /** A WooCommerce order as Parley's. Woo's "completed" means shipped. */
    static Order order(JsonNode o) {
        String status = o.path("status").asString("");
        List<LineItem> items = new ArrayList<>();
        o.path("line_items")
                .forEach(i -> items.add(new LineItem(
                        blankToNull(i.path("sku").asString("")),
                        i.path("name").asString(),
                        null,
                        i.path("quantity").asInt(),
                        money(i.path("price").asString("0")))));
        BigDecimal total = money(o.path("total").asString("0"));
        BigDecimal refunded = BigDecimal.ZERO.setScale(2);
        for (JsonNode r : o.path("refunds")) {
            refunded = refunded.add(money(r.path("total").asString("0")).abs());
        }
        Instant modified = instant(o.path("date_modified_gmt").asString(null));
        List<Fulfillment> fulfillments = new ArrayList<>();
        for (JsonNode meta : o.path("meta_data")) {
            if (meta.path("key").asString("").equals("_wc_shipment_tracking_items")) {
                for (JsonNode t : meta.path("value")) {
                    Instant shipped = t.path("date_shipped").asString("").matches("\\d+")
                            ? Instant.ofEpochSecond(
                                    Long.parseLong(t.path("date_shipped").asString()))
                            : null;
                    fulfillments.add(new Fulfillment(
                            ShipmentStatus.IN_TRANSIT,
                            blankToNull(t.path("tracking_provider").asString("")),
                            blankToNull(t.path("tracking_number").asString("")),
                            blankToNull(t.path("tracking_link").asString("")),
                            shipped,
                            null,
                            null));
                }
            }
        }
        if (fulfillments.isEmpty() && status.equals("completed")) {
            // Without tracking, Woo knows no delivery: a completed order counts as delivered when it was completed,
            // which is where stores start their return window.
            Instant completed = instant(o.path("date_completed_gmt").asString(null));
            Instant at = completed != null ? completed : modified;
            fulfillments.add(new Fulfillment(ShipmentStatus.DELIVERED, null, null, null, at, null, at));
        }
        JsonNode s = o.path("shipping");
        Address address = new Address(
                (s.path("first_name").asString("") + " " + s.path("last_name").asString("")).strip(),
                s.path("address_1").asString(""),
                blankToNull(s.path("address_2").asString("")),
                s.path("city").asString(""),
                blankToNull(s.path("state").asString("")),
                s.path("postcode").asString(""),
                s.path("country").asString(""));
        JsonNode billing = o.path("billing");
        return new Order(
                o.path("id").asString(),
                o.path("number").asString(o.path("id").asString()),
                blankToNull(billing.path("email").asString("")),
                (billing.path("first_name").asString("") + " "
                                + billing.path("last_name").asString(""))
                        .strip(),
                instant(o.path("date_created_gmt").asString(null)),
                o.path("currency").asString("USD"),
                total,
                refunded,
                financial(status, total, refunded),
                status.equals("completed") ? FulfillmentStatus.FULFILLED : FulfillmentStatus.UNFULFILLED,
                status.equals("cancelled") ? modified : null,
                items,
                address,
                fulfillments);
    }

    /** A WooCommerce order's status and refunds in Shopify's payment words, which Parley's orders use. */
    private static FinancialStatus financial(String status, BigDecimal total, BigDecimal refunded) {
        return switch (status) {
            case "refunded" -> FinancialStatus.REFUNDED;
            case "pending", "failed" -> FinancialStatus.PENDING;
            case "cancelled" -> FinancialStatus.VOIDED;
            default ->
                refunded.signum() > 0
                        ? (refunded.compareTo(total) >= 0
                                ? FinancialStatus.REFUNDED
                                : FinancialStatus.PARTIALLY_REFUNDED)
                        : FinancialStatus.PAID;
        };
    }

    private static Product product(JsonNode p) {
        List<Variant> variants = new ArrayList<>();
        boolean inStock = p.path("stock_status").asString("instock").equals("instock");
        int stock = p.path("stock_quantity").asInt(inStock ? 1 : 0);
        BigDecimal price = money(p.path("price").asString("0"));
        for (JsonNode attribute : p.path("attributes")) {
            if (attribute.path("name").asString("").equalsIgnoreCase("size")) {
                for (JsonNode option : attribute.path("options")) {
                    variants.add(new Variant(
                            p.path("id").asString() + ":" + option.asString(),
                            blankToNull(p.path("sku").asString("")),
                            option.asString(),
                            null,
                            price,
                            inStock,
                            stock));
                }
            }
        }
        if (variants.isEmpty()) {
            variants.add(new Variant(
                    p.path("id").asString(),
                    blankToNull(p.path("sku").asString("")),
                    null,
                    null,
                    price,
                    inStock,
                    stock));
        }
        List<String> images = new ArrayList<>();
        p.path("images").forEach(i -> images.add(i.path("src").asString()));
        String category = p.path("categories").path(0).path("name").asString(null);
        return new Product(
                p.path("id").asString(),
                p.path("name").asString(),
                p.path("short_description")
                        .asString("")
                        .replaceAll("<[^>]+>", "")
                        .strip(),
                category,
                price,
                "USD",
                images,
                variants,
                blankToNull(p.path("permalink").asString("")));
    }

    private static Instant instant(String gmt) {
        if (gmt == null || gmt.isBlank()) {
            return null;
        }
        return LocalDateTime.parse(gmt.replace("Z", "")).toInstant(ZoneOffset.UTC);
    }

    private static BigDecimal money(String value) {
        try {
            return new BigDecimal(value.isBlank() ? "0" : value).setScale(2, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO.setScale(2);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
