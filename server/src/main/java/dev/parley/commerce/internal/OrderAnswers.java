package dev.parley.commerce.internal;

import dev.parley.assistant.ToolInvocation;
import dev.parley.commerce.OrderState;
import dev.parley.commerce.ShipmentStatus;
import dev.parley.commerce.internal.StoreConnector.Fulfillment;
import dev.parley.commerce.internal.StoreConnector.Order;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What the customer is told about an order, from the order's own data only, in English or Uzbek (the customer's
 * language, {@link ToolInvocation#CUSTOMER_LANGUAGE}).
 */
final class OrderAnswers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.ENGLISH);

    private static final List<String> UZ_MONTHS = List.of(
            "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentabr", "oktabr", "noyabr",
            "dekabr");

    private static final List<String> UZ_DAYS =
            List.of("dushanba", "seshanba", "chorshanba", "payshanba", "juma", "shanba", "yakshanba");

    private OrderAnswers() {}

    /** The language the customer wrote in, as the assistant passes it: Uzbek or (otherwise) English. */
    static boolean uzbek(ToolInvocation invocation) {
        return "uz".equals(invocation.facts().get(ToolInvocation.CUSTOMER_LANGUAGE));
    }

    /**
     * Whole sentences: when it was placed, then where it is, as of {@code now} (the store's today): an order past the
     * delivery date the store estimated is said to be late, with an apology first, never "should arrive by" a day
     * gone by.
     */
    static String status(Order order, Instant now, boolean uz) {
        String placed = order.placedAt() == null
                ? (uz
                        ? "#" + order.number() + " buyurtmangiz boʻyicha soʻnggi maʼlumot."
                        : "Here is the latest on your order #" + order.number() + ".")
                : (uz
                        ? "#" + order.number() + " buyurtmangiz " + day(order.placedAt(), true) + " kuni berilgan."
                        : "Your order #" + order.number() + " was placed on " + day(order.placedAt()) + ".");
        return late(order, now, uz) + placed + " " + state(order, now, uz);
    }

    /** What the order holds, one item after another: "It holds 1 x Trail Runner (Blue / 9) at USD 89.99." */
    static String items(Order order, boolean uz) {
        if (order.lineItems().isEmpty()) {
            return uz ? "Buyurtmada mahsulotlar koʻrsatilmagan." : "The order shows no items.";
        }
        List<String> items = order.lineItems().stream()
                .map(item -> item.quantity() + " x " + item.title()
                        + (item.variant() == null || item.variant().isBlank() ? "" : " (" + item.variant() + ")")
                        + (item.price() == null ? "" : (uz ? ", " : " at ") + money(item.price(), order)))
                .toList();
        return (uz ? "Buyurtmada: " : "It holds ") + String.join(uz ? "; " : ", ", items) + ".";
    }

    /** A customer's orders, newest first: number, day placed and state. */
    static String list(List<Order> orders, boolean uz) {
        if (orders.isEmpty()) {
            return uz
                    ? "Bu elektron pochta bilan berilgan buyurtmani topmadim."
                    : "I couldn't find any orders under your email address.";
        }
        List<String> lines = orders.stream()
                .map(order -> "- #" + order.number()
                        + (order.placedAt() == null ? "" : (uz ? ", " : ", placed ") + day(order.placedAt(), uz))
                        + ": " + stateWord(order.status(), uz))
                .toList();
        return (uz ? "Soʻnggi buyurtmalaringiz:\n" : "Here are your most recent orders:\n")
                + String.join("\n", lines)
                + (uz ? "\nQaysi biri haqida bilmoqchisiz?" : "\nWhich one would you like to know more about?");
    }

    private static String stateWord(OrderState status, boolean uz) {
        return switch (status) {
            case CANCELLED -> uz ? "bekor qilingan" : "cancelled";
            case REFUNDED -> uz ? "puli qaytarilgan" : "refunded";
            case PARTIALLY_REFUNDED -> uz ? "puli qisman qaytarilgan" : "partially refunded";
            case DELIVERED -> uz ? "yetkazilgan" : "delivered";
            case IN_TRANSIT -> uz ? "yoʻlda" : "in transit";
            default -> uz ? "hali joʻnatilmagan" : "not shipped yet";
        };
    }

    static String tracking(Order order, Instant now, boolean uz) {
        if (order.fulfillments().isEmpty()) {
            return status(order, now, uz);
        }
        String intro = uz
                ? "#" + order.number() + " buyurtmangizni kuzatish maʼlumoti. "
                : "Here is the tracking for your order #" + order.number() + ". ";
        return late(order, now, uz) + intro + state(order, now, uz);
    }

    /** The apology that leads an answer about a late order, or nothing. */
    private static String late(Order order, Instant now, boolean uz) {
        if (!order.lateAt(now)) {
            return "";
        }
        return uz ? "Kutib qolganingiz uchun uzr. " : "I'm sorry for the wait. ";
    }

    private static String state(Order order, Instant now, boolean uz) {
        return switch (order.status()) {
            case CANCELLED ->
                uz
                        ? "U " + day(order.cancelledAt(), true) + " kuni bekor qilingan, shuning uchun hech narsa"
                                + " joʻnatilmaydi."
                        : "It was cancelled on " + day(order.cancelledAt()) + ", so nothing will be shipped.";
            case REFUNDED ->
                uz
                        ? "Uning puli toʻliq qaytarilgan (" + money(order.refunded(), order) + ")."
                        : "It was refunded in full (" + money(order.refunded(), order) + ").";
            case PARTIALLY_REFUNDED ->
                (uz
                                ? money(order.total(), order) + " dan " + money(order.refunded(), order)
                                        + " qaytarilgan. "
                                : money(order.refunded(), order) + " of " + money(order.total(), order)
                                        + " has been refunded. ")
                        + shipping(order, now, uz);
            case UNFULFILLED ->
                uz
                        ? "U tayyorlanmoqda va hali joʻnatilmagan. Joʻnatilishi bilan kuzatish raqamini olasiz."
                        : "It is being prepared and hasn't shipped yet. You'll get tracking as soon as it does.";
            default -> shipping(order, now, uz);
        };
    }

    private static String shipping(Order order, Instant now, boolean uz) {
        if (order.fulfillments().isEmpty()) {
            return uz ? "U hali joʻnatilmagan." : "It hasn't shipped yet.";
        }
        Fulfillment f = order.fulfillments().getLast();
        StringBuilder text = new StringBuilder();
        boolean due = f.estimatedDelivery() != null;
        boolean overdue = due && now.isAfter(f.estimatedDelivery());
        if (f.status() == ShipmentStatus.DELIVERED && f.deliveredAt() != null) {
            text.append(
                    uz
                            ? "U " + day(f.deliveredAt(), true) + " kuni " + f.trackingCompany()
                                    + " orqali yetkazib berilgan"
                            : "It was delivered on " + day(f.deliveredAt()) + " by " + f.trackingCompany());
        } else if (uz) {
            text.append("U ")
                    .append(f.shippedAt() == null ? "" : day(f.shippedAt(), true) + " kuni ")
                    .append(f.trackingCompany())
                    .append(" orqali joʻnatilgan va ")
                    .append(f.status() == ShipmentStatus.OUT_FOR_DELIVERY ? "bugun yetkazib beriladi" : "yoʻlda");
            if (overdue) {
                text.append(". U ")
                        .append(day(f.estimatedDelivery(), true))
                        .append(" kuni yetib kelishi kerak edi va kechikmoqda");
            } else if (due) {
                text.append("; ").append(day(f.estimatedDelivery(), true)).append(" kunigacha yetib kelishi kerak");
            }
        } else {
            text.append("It shipped ")
                    .append(f.shippedAt() == null ? "" : "on " + day(f.shippedAt()) + " ")
                    .append("with ")
                    .append(f.trackingCompany())
                    .append(" and is ")
                    .append(f.status() == ShipmentStatus.OUT_FOR_DELIVERY ? "out for delivery today" : "in transit");
            if (overdue) {
                text.append(". It was due on ")
                        .append(day(f.estimatedDelivery()))
                        .append(" and is running late");
            } else if (due) {
                text.append("; it should arrive by ").append(day(f.estimatedDelivery()));
            }
        }
        text.append('.');
        if (f.trackingNumber() != null) {
            text.append(uz ? " Kuzatish raqami: " : " Tracking number: ").append(f.trackingNumber());
            if (f.trackingUrl() != null) {
                text.append(" (").append(f.trackingUrl()).append(')');
            }
            text.append('.');
        }
        return text.toString();
    }

    static String money(BigDecimal amount, Order order) {
        return order.currency() + " "
                + amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(ZoneOffset.UTC));
    }

    /** A day as Uzbek writes it: "12-noyabr, payshanba". */
    static String day(Instant instant, boolean uz) {
        if (!uz || instant == null) {
            return day(instant);
        }
        var date = instant.atZone(ZoneOffset.UTC);
        return date.getDayOfMonth() + "-" + UZ_MONTHS.get(date.getMonthValue() - 1) + ", "
                + UZ_DAYS.get(date.getDayOfWeek().getValue() - 1);
    }
}
