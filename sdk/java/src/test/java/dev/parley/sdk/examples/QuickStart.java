package dev.parley.sdk.examples;

import dev.parley.sdk.Parley;
import dev.parley.sdk.model.Answer;
import dev.parley.sdk.model.ChatResponse;
import dev.parley.sdk.model.ChatSendParams;
import dev.parley.sdk.model.ConversationCreateParams;
import dev.parley.sdk.model.ConversationCreated;
import dev.parley.sdk.model.Intelligence;
import dev.parley.sdk.model.IntelligenceParams;
import dev.parley.sdk.model.MessageSent;
import dev.parley.sdk.model.ScrapeJob;
import dev.parley.sdk.model.ScrapeParams;
import dev.parley.sdk.model.SeedMessageParams;
import dev.parley.sdk.model.Session;

/**
 * The module README's quick start: the seeds' calls (001's conversation, 002's one call, 000's chat, intelligence and
 * crawl, 004's session) with the Java client. The tests run it against a live server ({@code ReadmeExamplesTest}).
 */
public final class QuickStart {
    private QuickStart() {}

    public static void main(String[] args) {
        // README: quick start
        Parley parley = Parley.builder()
                .apiKey(System.getenv("PARLEY_API_KEY"))
                .baseUrl(System.getenv("PARLEY_BASE_URL"))
                .domain("example.com") // X-Domain, seed 000: one of the store's domains
                .build();

        // Seed 001: start a conversation, read the assistant's answer, follow up
        ConversationCreated conv = parley.conversations()
                .create(new ConversationCreateParams()
                        .channel("widget")
                        .customerEmail("customer@example.com")
                        .initialMessage("Where is order #1234?"));
        System.out.println(conv.response().content());
        MessageSent followUp = parley.conversations().sendMessage(conv.id(), "When will it arrive?");
        System.out.println(followUp.response().content());

        // Seed 002: one call, answer and confidence
        Answer answer = parley.sendMessage(
                new SeedMessageParams().message("How do I reset my password?").userId("user_12345"));
        System.out.println(answer.answer() + " (confidence " + answer.confidence() + ")");

        // Seed 000: chat, intelligence report, crawl
        ChatResponse chat = parley.chat().send(new ChatSendParams().message("What are your business hours?"));
        Intelligence analytics = parley.analytics()
                .getIntelligence(new IntelligenceParams().metric("all").days(7));
        ScrapeJob job = parley.scraping()
                .start(new ScrapeParams()
                        .url(System.getenv("PARLEY_EXAMPLE_SITE"))
                        .maxPages(100));

        // Seed 004: a session for the live and voice sockets
        Session session = parley.createSession();
        // README: end
        System.out.println("Conversation: " + conv.id());
        System.out.println("Answer conversation: " + answer.conversationId());
        System.out.println("Chat: " + chat.conversationId() + " " + chat.response());
        System.out.println("Insights: " + analytics.summary().getLong("total_insights"));
        System.out.println("Scrape job: " + job.jobId() + " " + job.status());
        System.out.println("Session: " + session.sessionId() + " " + session.token());
    }
}
