package dev.parley.sdk.examples;

import dev.parley.sdk.ApiException;
import dev.parley.sdk.NotFoundException;
import dev.parley.sdk.Parley;
import dev.parley.sdk.RateLimitException;
import dev.parley.sdk.RequestOptions;
import dev.parley.sdk.WebhookSignatureException;
import dev.parley.sdk.core.Page;
import dev.parley.sdk.live.LiveSocket;
import dev.parley.sdk.model.Conversation;
import dev.parley.sdk.model.ConversationCreateParams;
import dev.parley.sdk.model.ConversationListParams;
import dev.parley.sdk.model.JsonObject;
import dev.parley.sdk.model.Order;
import dev.parley.sdk.model.WebhookEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The module README's other examples (errors, retries, pagination, webhooks), compiled and run by the tests. */
public final class ReadmeSnippets {
    private ReadmeSnippets() {}

    /** README "Errors": returns the code it caught. */
    public static String errors(Parley parley) {
        // README: errors
        try {
            parley.conversations().get("conv_unknown");
        } catch (NotFoundException e) {
            System.out.println(e.code() + " " + e.status() + " " + e.getMessage() + " " + e.requestId());
            return e.code();
        } catch (RateLimitException e) {
            System.out.println("retry after " + e.retryAfter() + " s");
        } catch (ApiException e) {
            System.out.println(e.code() + " " + e.details().toJson());
        }
        // README: end
        return null;
    }

    /** README "Retries and idempotency": returns both conversations' ids. */
    public static List<String> retries(String apiKey, String baseUrl, String orderId) {
        // README: retries
        Parley parley = Parley.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl)
                .maxRetries(3) // default 2
                .timeout(Duration.ofSeconds(30)) // per attempt
                .build();
        ConversationCreateParams welcome =
                new ConversationCreateParams().customerEmail("ana@example.com").initialMessage("Hello");
        RequestOptions once = RequestOptions.idempotencyKey("order-" + orderId + "-welcome");
        String first = parley.conversations().create(welcome, once).id();
        String second = parley.conversations().create(welcome, once).id(); // replayed: the same conversation
        // README: end
        return List.of(first, second);
    }

    /** README "Pagination": returns the number of conversations seen. */
    public static int pagination(Parley parley) {
        int seen = 0;
        // README: pagination
        for (Conversation conversation : parley.conversations().list(new ConversationListParams().perPage(100))) {
            System.out.println(conversation.id() + " " + conversation.status());
            seen++;
        }
        List<Order> firstHundred = parley.orders().list(null).toList(100);
        for (Page<Conversation> page : parley.conversations().list().pages()) {
            System.out.println(
                    page.data().size() + " on page " + page.pagination().getInt("page"));
        }
        // README: end
        System.out.println(firstHundred.size() + " orders");
        return seen;
    }

    /** README "Webhooks": what a receiver does with one delivery; returns the HTTP status it would answer. */
    public static int webhooks(Parley parley, byte[] rawBody, Map<String, List<String>> headers, String webhookSecret) {
        // README: webhooks
        try {
            WebhookEvent event = parley.webhooks().verify(rawBody, headers, webhookSecret);
            if (event.event().equals("conversation.escalated")) {
                System.out.println("escalated: " + event.data().getString("conversation_id"));
            }
            return 204;
        } catch (WebhookSignatureException e) {
            System.out.println("refused: " + e.reason());
            return 401;
        }
        // README: end
    }

    /** README "Live socket": returns the acknowledged message's id. */
    public static String live(Parley parley, String conversationId) {
        // README: live
        LiveSocket live = parley.live().connect(LiveSocket.options().conversationId(conversationId));
        live.on("message", frame -> System.out.println(frame.getString("role") + ": " + frame.getString("content")));
        live.on("typing", frame -> System.out.println("typing: " + frame.is("is_typing")));
        live.ready().join(); // the authenticated frame, or a SocketException when the key is refused
        JsonObject ack = live.send("Hello").join(); // message_received, with its message_id
        live.typing(false);
        live.close();
        // README: end
        return ack.getString("message_id");
    }
}
