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
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shopify through its Admin GraphQL API, version {@value #API_VERSION}, with the shop's access token. Shopify limits
 * by query cost: a throttled answer ({@code errors[].extensions.code = THROTTLED}) says in
 * {@code extensions.cost.throttleStatus} how many points are available and how fast they come back, and the call is
 * retried once enough have; 429, 5xx and timeouts are retried with backoff. After the last try the store is
 * unavailable (a 502 for API callers, an apology in a conversation).
 */
final class ShopifyStore implements StoreConnector {

    static final String API_VERSION = "2025-10";

    private static final String ORDER_FIELDS = """
            fragment OrderFields on Order {
              id name email createdAt cancelledAt displayFinancialStatus displayFulfillmentStatus currencyCode
              totalPriceSet { shopMoney { amount currencyCode } }
              totalRefundedSet { shopMoney { amount currencyCode } }
              customer { displayName email }
              shippingAddress { name address1 address2 city province zip countryCodeV2 }
              lineItems(first: 50) { nodes { sku title variantTitle quantity
                originalUnitPriceSet { shopMoney { amount } } } }
              fulfillments(first: 10) { status displayStatus createdAt estimatedDeliveryAt deliveredAt
                trackingInfo(first: 1) { company number url } }
            }
            """;

    private final URI endpoint;
    private final Credentials credentials;
    private final GuardedFetcher fetcher;
    private final StoreHealth health;
    private final JsonMapper json;
    private final Duration timeout;

    ShopifyStore(
            URI baseUrl,
            Credentials credentials,
            GuardedFetcher fetcher,
            StoreHealth health,
            JsonMapper json,
            Duration timeout) {
        this.endpoint =
                URI.create(baseUrl.toString().replaceAll("/+$", "") + "/admin/api/" + API_VERSION + "/graphql.json");
        this.credentials = credentials;
        this.fetcher = fetcher;
        this.health = health;
        this.json = json;
        this.timeout = timeout;
    }

    @Override
    public String platform() {
        return "shopify";
    }

    @Override
    public Optional<Order> order(String orderNumber) {
        JsonNode data = graphql(
                "query Order($q: String!) { orders(first: 1, query: $q) { nodes { ...OrderFields } } }\n"
                        + ORDER_FIELDS,
                Map.of("q", "name:#" + orderNumber));
        JsonNode nodes = data.at("/orders/nodes");
        return nodes.isEmpty() ? Optional.empty() : Optional.of(order(nodes.get(0)));
    }

    @Override
    public List<Order> ordersByEmail(String email, int limit) {
        JsonNode data = graphql(
                "query Orders($q: String!, $n: Int!) { orders(first: $n, query: $q, sortKey: CREATED_AT,"
                        + " reverse: true) { nodes { ...OrderFields } } }\n" + ORDER_FIELDS,
                Map.of("q", "email:" + email, "n", limit));
        List<Order> orders = new ArrayList<>();
        data.at("/orders/nodes").forEach(node -> orders.add(order(node)));
        return orders;
    }

    @Override
    public Optional<Customer> customer(String email) {
        JsonNode data = graphql(
                "query Customer($q: String!) { customers(first: 1, query: $q) { nodes { id displayName email"
                        + " numberOfOrders } } }",
                Map.of("q", "email:" + email));
        JsonNode nodes = data.at("/customers/nodes");
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        JsonNode c = nodes.get(0);
        return Optional.of(new Customer(
                c.path("id").asString(),
                c.path("email").asString(),
                c.path("displayName").asString(),
                c.path("numberOfOrders").asInt()));
    }

    @Override
    public Order refund(Order order, BigDecimal amount, String reason) {
        // A refund goes back through the payment it reverses: the order's successful sale or capture.
        JsonNode paid = null;
        JsonNode data = graphql(
                "query Transactions($id: ID!) { order(id: $id) { transactions(first: 20) { id kind status gateway"
                        + " amountSet { shopMoney { amount currencyCode } } } } }",
                Map.of("id", order.id()));
        for (JsonNode t : data.at("/order/transactions")) {
            String kind = t.path("kind").asString("");
            if ((kind.equals("SALE") || kind.equals("CAPTURE"))
                    && t.path("status").asString("").equals("SUCCESS")) {
                paid = t;
            }
        }
        if (paid == null) {
            throw new StoreUnavailableException(platform(), "no_refundable_transaction");
        }
        RefundTransaction transaction = new RefundTransaction(
                order.id(),
                paid.path("id").asString(),
                amount.toPlainString(),
                "REFUND",
                paid.path("gateway").asString());
        RefundInput input =
                new RefundInput(order.id(), reason == null ? "Refunded by Parley" : reason, true, List.of(transaction));
        JsonNode refunded = graphql(
                "mutation Refund($input: RefundInput!) { refundCreate(input: $input) { refund { id }"
                        + " order { ...OrderFields } userErrors { field message } } }\n" + ORDER_FIELDS,
                Map.of("input", input));
        userErrors(refunded.path("refundCreate"));
        JsonNode after = refunded.at("/refundCreate/order");
        return after.isObject() ? order(after) : order;
    }

    /**
     * A Shopify return of every returnable item ({@code returnableFulfillments}, then {@code returnCreate}). Its
     * label is the one Shopify attached to the return's reverse delivery when the store makes labels (Shopify
     * Shipping); otherwise the return has none and Shopify's return email tells the customer what to do.
     */
    @Override
    public ReturnLabel createReturn(Order order, String reason) {
        JsonNode returnable = graphql(
                "query Returnable($id: ID!) { returnableFulfillments(orderId: $id, first: 10) { nodes {"
                        + " returnableFulfillmentLineItems(first: 50) { nodes { fulfillmentLineItem { id }"
                        + " quantity } } } } }",
                Map.of("id", order.id()));
        List<ReturnLineItem> items = new ArrayList<>();
        for (JsonNode fulfillment : returnable.at("/returnableFulfillments/nodes")) {
            for (JsonNode item : fulfillment.at("/returnableFulfillmentLineItems/nodes")) {
                items.add(new ReturnLineItem(
                        item.at("/fulfillmentLineItem/id").asString(),
                        item.path("quantity").asInt(),
                        reason == null ? "UNKNOWN" : "OTHER",
                        reason == null ? null : reason.length() > 255 ? reason.substring(0, 255) : reason));
            }
        }
        if (items.isEmpty()) {
            throw new StoreUnavailableException(platform(), "nothing_returnable");
        }
        ReturnInput input = new ReturnInput(order.id(), items, true);
        JsonNode data = graphql("""
                mutation Return($input: ReturnInput!) { returnCreate(returnInput: $input) {
                  return { id name status reverseFulfillmentOrders(first: 1) { nodes { reverseDeliveries(first: 1) {
                    nodes { deliverable { ... on ReverseDeliveryShippingDeliverable {
                      label { publicFileUrl } tracking { carrierName number url } } } } } } } }
                  userErrors { field message } } }""", Map.of("input", input));
        userErrors(data.path("returnCreate"));
        JsonNode created = data.at("/returnCreate/return");
        JsonNode deliverable = created.at("/reverseFulfillmentOrders/nodes/0/reverseDeliveries/nodes/0/deliverable");
        return new ReturnLabel(
                text(created.path("name")) != null
                        ? text(created.path("name"))
                        : created.path("id").asString(),
                text(deliverable.at("/tracking/carrierName")),
                text(deliverable.at("/tracking/number")),
                text(deliverable.at("/label/publicFileUrl")));
    }

    @Override
    public Discount createDiscount(String code, int percent, String email) {
        DiscountInput discount = new DiscountInput(
                "Parley " + code,
                code,
                Instant.now().toString(),
                1,
                true,
                new Everyone(true),
                new CustomerGets(new Percentage(percent / 100.0), new Everyone(true)));
        JsonNode data = graphql(
                "mutation Discount($d: DiscountCodeBasicInput!) { discountCodeBasicCreate(basicCodeDiscount: $d) {"
                        + " codeDiscountNode { id } userErrors { field message } } }",
                Map.of("d", discount));
        userErrors(data.path("discountCodeBasicCreate"));
        return new Discount(code, percent);
    }

    @Override
    public Order changeAddress(Order order, Address address) {
        ShippingAddress shipping = new ShippingAddress(
                address.address1(),
                address.address2(),
                address.city(),
                address.province(),
                address.zip(),
                address.country());
        JsonNode data = graphql(
                "mutation Address($input: OrderInput!) { orderUpdate(input: $input) { order { ...OrderFields }"
                        + " userErrors { field message } } }\n" + ORDER_FIELDS,
                Map.of("input", new OrderInput(order.id(), shipping)));
        userErrors(data.path("orderUpdate"));
        return order(data.at("/orderUpdate/order"));
    }

    /**
     * {@code orderCancel} with the customer as the reason, the items restocked and the payment refunded to the
     * original payment method ({@code refundMethod}); Shopify notifies the customer. Shopify cancels in a background
     * job, so the order is returned as cancelled now; the {@code orders/cancelled} webhook brings the store's own
     * record. Shopify refuses an order it cannot cancel ({@code orderCancelUserErrors}): the store is then
     * {@code rejected}.
     */
    @Override
    public Cancellation cancel(Order order, String reason) {
        CancelVariables variables = new CancelVariables(
                order.id(),
                new RefundMethod(true),
                true,
                "CUSTOMER",
                true,
                "Cancelled by Parley at the customer's request"
                        + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()));
        JsonNode data = graphql("""
                mutation Cancel($orderId: ID!, $refundMethod: OrderCancelRefundMethodInput!, $restock: Boolean!,
                    $reason: OrderCancelReason!, $notifyCustomer: Boolean, $staffNote: String) {
                  orderCancel(orderId: $orderId, refundMethod: $refundMethod, restock: $restock, reason: $reason,
                      notifyCustomer: $notifyCustomer, staffNote: $staffNote) {
                    job { id done } orderCancelUserErrors { field message code } } }""", variables);
        JsonNode errors = data.at("/orderCancel/orderCancelUserErrors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new StoreUnavailableException(platform(), "rejected");
        }
        Order cancelled = new Order(
                order.id(),
                order.number(),
                order.email(),
                order.customerName(),
                order.placedAt(),
                order.currency(),
                order.total(),
                order.refunded(),
                order.financialStatus(),
                order.fulfillmentStatus(),
                Instant.now(),
                order.lineItems(),
                order.shippingAddress(),
                order.fulfillments());
        return new Cancellation(cancelled, true);
    }

    /** The first {@value StoreConnector#CATALOGUE_MAX} active products, in one query. */
    @Override
    public List<Product> catalogue() {
        JsonNode data = graphql("""
                query Catalogue($n: Int!) {
                  products(first: $n, query: "status:active") { nodes { id title description productType onlineStoreUrl
                    priceRangeV2 { minVariantPrice { amount currencyCode } } images(first: 3) { nodes { url } }
                    variants(first: 50) { nodes { id sku price availableForSale inventoryQuantity
                      selectedOptions { name value } } } } }
                }""", Map.of("n", CATALOGUE_MAX));
        List<Product> products = new ArrayList<>();
        data.at("/products/nodes").forEach(node -> products.add(product(node)));
        return products;
    }

    @Override
    public boolean reachable() {
        try {
            graphql("{ shop { name } }", Map.of());
            return true;
        } catch (StoreUnavailableException e) {
            return false;
        }
    }

    /** One GraphQL call with Shopify's retry rules; the {@code data} of a successful answer. */
    JsonNode graphql(String query, Object variables) {
        byte[] body = json.writeValueAsString(Map.of("query", query, "variables", variables))
                .getBytes(StandardCharsets.UTF_8);
        String reason = "unavailable";
        for (int attempt = 0; attempt < StoreRetries.ATTEMPTS; attempt++) {
            Duration wait = StoreRetries.backoff(attempt);
            FetchResponse response;
            try {
                response = fetcher.fetch(FetchRequest.post(endpoint, "application/json", body)
                        .withHeader("X-Shopify-Access-Token", credentials.accessToken())
                        .withHeader("Accept", "application/json")
                        .withTimeout(timeout)
                        .withMaxRedirects(0));
            } catch (FetchException e) {
                switch (e.reason()) {
                    case TIMEOUT, CONNECTION_FAILED -> {
                        reason = e.reason().name().toLowerCase(Locale.ROOT);
                        StoreRetries.pause(wait, platform());
                        continue;
                    }
                    default -> {
                        health.failed(platform());
                        throw new StoreUnavailableException(
                                platform(), e.reason().name().toLowerCase(Locale.ROOT));
                    }
                }
            }
            if (response.status() == 429 || response.status() >= 500) {
                reason = response.status() == 429 ? "throttled" : "http_" + response.status();
                StoreRetries.pause(StoreRetries.retryAfter(response).orElse(wait), platform());
                continue;
            }
            if (response.status() == 401 || response.status() == 403) {
                health.failed(platform());
                throw new StoreUnavailableException(platform(), "unauthorized");
            }
            if (!response.successful()) {
                health.failed(platform());
                throw new StoreUnavailableException(platform(), "http_" + response.status());
            }
            JsonNode answer;
            try {
                answer = json.readTree(response.text());
            } catch (RuntimeException malformed) {
                health.failed(platform());
                throw new StoreUnavailableException(platform(), "malformed_response");
            }
            JsonNode errors = answer.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                boolean throttled = errors.valueStream()
                        .anyMatch(
                                e -> "THROTTLED".equals(e.at("/extensions/code").asString()));
                if (throttled) {
                    reason = "throttled";
                    StoreRetries.pause(
                            throttleWait(answer.at("/extensions/cost")).orElse(wait), platform());
                    continue;
                }
                health.failed(platform());
                throw new StoreUnavailableException(platform(), "graphql_error");
            }
            health.succeeded(platform());
            return answer.path("data");
        }
        health.failed(platform());
        throw new StoreUnavailableException(platform(), reason);
    }

    /**
     * How long until the points a throttled query needs are back: (requested - available) / restore rate, from
     * {@code extensions.cost}.
     */
    static Optional<Duration> throttleWait(JsonNode cost) {
        JsonNode status = cost.path("throttleStatus");
        double restoreRate = status.path("restoreRate").asDouble(0);
        if (restoreRate <= 0) {
            return Optional.empty();
        }
        double requested = cost.path("requestedQueryCost").asDouble(0);
        double available = status.path("currentlyAvailable").asDouble(0);
        double seconds = Math.max(0, requested - available) / restoreRate;
        return Optional.of(StoreRetries.cap(Duration.ofMillis((long) Math.ceil(seconds * 1000))));
    }

    private void userErrors(JsonNode payload) {
        if (payload.path("userErrors").isArray() && !payload.path("userErrors").isEmpty()) {
            throw new StoreUnavailableException(platform(), "rejected");
        }
    }

    /** A Shopify order as Parley's; Shopify names orders {@code #1001}. */
    static Order order(JsonNode o) {
        List<LineItem> items = new ArrayList<>();
        o.at("/lineItems/nodes")
                .forEach(i -> items.add(new LineItem(
                        text(i.path("sku")),
                        i.path("title").asString(),
                        text(i.path("variantTitle")),
                        i.path("quantity").asInt(),
                        money(i.at("/originalUnitPriceSet/shopMoney/amount")))));
        List<Fulfillment> fulfillments = new ArrayList<>();
        o.path("fulfillments").forEach(f -> {
            JsonNode tracking = f.path("trackingInfo").path(0);
            String display = f.path("displayStatus").asString("").toLowerCase(Locale.ROOT);
            ShipmentStatus status = display.equals("delivered")
                    ? ShipmentStatus.DELIVERED
                    : display.equals("out_for_delivery")
                            ? ShipmentStatus.OUT_FOR_DELIVERY
                            : display.contains("fail") ? ShipmentStatus.FAILURE : ShipmentStatus.IN_TRANSIT;
            fulfillments.add(new Fulfillment(
                    status,
                    text(tracking.path("company")),
                    text(tracking.path("number")),
                    text(tracking.path("url")),
                    instant(f.path("createdAt")),
                    instant(f.path("estimatedDeliveryAt")),
                    instant(f.path("deliveredAt"))));
        });
        JsonNode a = o.path("shippingAddress");
        Address address = a.isMissingNode() || a.isNull()
                ? null
                : new Address(
                        text(a.path("name")),
                        text(a.path("address1")),
                        text(a.path("address2")),
                        text(a.path("city")),
                        text(a.path("province")),
                        text(a.path("zip")),
                        text(a.path("countryCodeV2")));
        String email = text(o.path("email"));
        if (email == null) {
            email = text(o.at("/customer/email"));
        }
        return new Order(
                o.path("id").asString(),
                o.path("name").asString().replaceFirst("^#", ""),
                email,
                text(o.at("/customer/displayName")),
                instant(o.path("createdAt")),
                o.path("currencyCode").asString("USD"),
                money(o.at("/totalPriceSet/shopMoney/amount")),
                money(o.at("/totalRefundedSet/shopMoney/amount")),
                FinancialStatus.of(o.path("displayFinancialStatus").asString("")),
                FulfillmentStatus.of(o.path("displayFulfillmentStatus").asString("")),
                instant(o.path("cancelledAt")),
                items,
                address,
                fulfillments);
    }

    private static Product product(JsonNode p) {
        List<Variant> variants = new ArrayList<>();
        p.at("/variants/nodes").forEach(v -> {
            String size = null;
            String color = null;
            for (JsonNode option : v.path("selectedOptions")) {
                String name = option.path("name").asString().toLowerCase(Locale.ROOT);
                if (name.equals("size")) {
                    size = option.path("value").asString();
                } else if (name.equals("color") || name.equals("colour")) {
                    color = option.path("value").asString();
                }
            }
            int inventory = v.path("inventoryQuantity").asInt(0);
            variants.add(new Variant(
                    v.path("id").asString(),
                    text(v.path("sku")),
                    size,
                    color,
                    money(v.path("price")),
                    v.path("availableForSale").asBoolean(inventory > 0),
                    inventory));
        });
        List<String> images = new ArrayList<>();
        p.at("/images/nodes").forEach(i -> images.add(i.path("url").asString()));
        return new Product(
                p.path("id").asString(),
                p.path("title").asString(),
                p.path("description").asString(""),
                text(p.path("productType")),
                money(p.at("/priceRangeV2/minVariantPrice/amount")),
                p.at("/priceRangeV2/minVariantPrice/currencyCode").asString("USD"),
                images,
                variants,
                text(p.path("onlineStoreUrl")));
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() || node.asString().isBlank() ? null : node.asString();
    }

    private static Instant instant(JsonNode node) {
        String value = text(node);
        return value == null ? null : Instant.parse(value);
    }

    private static BigDecimal money(JsonNode node) {
        String value = text(node);
        return value == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(value).setScale(2);
    }

    // GraphQL inputs, spelled as Shopify's Admin API reads them (camelCase).

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record RefundTransaction(String orderId, String parentId, String amount, String kind, String gateway) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record RefundInput(
            String orderId,
            String note,
            @JsonProperty("notify") boolean notifyCustomer,
            List<RefundTransaction> transactions) {}

    /** @param returnReasonNote absent when the customer gave no reason */
    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record ReturnLineItem(
            String fulfillmentLineItemId,
            int quantity,
            String returnReason,
            @JsonInclude(JsonInclude.Include.NON_NULL) String returnReasonNote) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record ReturnInput(String orderId, List<ReturnLineItem> returnLineItems, boolean notifyCustomer) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record DiscountInput(
            String title,
            String code,
            String startsAt,
            int usageLimit,
            boolean appliesOncePerCustomer,
            Everyone customerSelection,
            CustomerGets customerGets) {}

    /** {@code {"all": true}}: every customer, or every item. */
    record Everyone(boolean all) {}

    record CustomerGets(Percentage value, Everyone items) {}

    record Percentage(double percentage) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record ShippingAddress(
            String address1, String address2, String city, String province, String zip, String countryCode) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record OrderInput(String id, ShippingAddress shippingAddress) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record RefundMethod(boolean originalPaymentMethodsRefund) {}

    @JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
    record CancelVariables(
            String orderId,
            RefundMethod refundMethod,
            boolean restock,
            String reason,
            boolean notifyCustomer,
            String staffNote) {}
}
