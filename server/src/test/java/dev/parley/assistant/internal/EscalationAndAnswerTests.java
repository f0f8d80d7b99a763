package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.ConversationMemory;
import dev.parley.assistant.TurnRequest;
import dev.parley.assistant.TurnRequest.PriorMessage;
import dev.parley.knowledge.TextEmbeddings;
import dev.parley.platform.Mode;
import dev.parley.tenancy.StoreSettings;
import dev.parley.tenancy.StoreSettings.BrandVoice;
import dev.parley.tenancy.StoreSettings.WorkingHours;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EscalationAndAnswerTests {

    final StoreSettings settings = StoreSettings.defaults();

    @Test
    void handsOverWhenTheCustomerAsksForAPersonInAnyWords() {
        assertThat(EscalationRules.requested(
                        request("can I talk to a real person", List.of(), Map.of()), "other", 0.2, "neutral"))
                .hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo("customer_request"));
        assertThat(EscalationRules.requested(
                        request("agent please", List.of(), Map.of()), "human_handoff", 0.8, "neutral"))
                .isPresent();
        assertThat(EscalationRules.requested(
                        request("where is my order", List.of(), Map.of()), "order_status", 0.9, "neutral"))
                .isEmpty();
    }

    @Test
    void handsOverAFrustratedCustomerOnlyOnceTheConversationHasGoneOn() {
        List<PriorMessage> twoTurns = List.of(
                new PriorMessage(TurnRequest.Speaker.CUSTOMER, "where is my order"),
                new PriorMessage(TurnRequest.Speaker.ASSISTANT, "It is on its way."),
                new PriorMessage(TurnRequest.Speaker.CUSTOMER, "it was due yesterday"),
                new PriorMessage(TurnRequest.Speaker.ASSISTANT, "Sorry about that."));

        assertThat(EscalationRules.requested(
                        request("this is ridiculous!!!", List.of(), Map.of()), "complaint", 0.9, "frustrated"))
                .isEmpty();
        assertThat(EscalationRules.requested(
                        request("this is ridiculous!!!", twoTurns, Map.of()), "complaint", 0.9, "frustrated"))
                .hasValueSatisfying(e -> {
                    assertThat(e.reason()).isEqualTo("frustrated");
                    assertThat(e.priority()).isEqualTo("high");
                });
    }

    @Test
    void handsOverUnaskedOnlyWhenUnsureThreeTimesInARowUnderTheStoresThreshold() {
        assertThat(EscalationRules.unsure(request("flux capacitor?", List.of(), Map.of()), 0.2, settings))
                .isEmpty();
        assertThat(EscalationRules.unsure(
                        request("flux capacitor?", List.of(), Map.of("low_confidence_streak", "1")), 0.2, settings))
                .isEmpty();
        assertThat(EscalationRules.unsure(
                        request("flux capacitor?", List.of(), Map.of("low_confidence_streak", "2")), 0.2, settings))
                .hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo("low_confidence"));
        assertThat(EscalationRules.unsure(
                        request("returns?", List.of(), Map.of("low_confidence_streak", "2")), 0.8, settings))
                .isEmpty();
    }

    @Test
    void aParcelNeverReceivedOrADoubleChargeIsForAPerson() {
        assertThat(EscalationRules.deliveredButNotReceived("it says delivered but I never got it"))
                .isTrue();
        assertThat(EscalationRules.deliveredButNotReceived("tracking says delivered, nothing here"))
                .isTrue();
        assertThat(EscalationRules.deliveredButNotReceived("I think my package was stolen"))
                .isTrue();
        assertThat(EscalationRules.deliveredButNotReceived("was my order delivered?"))
                .isFalse();
        assertThat(EscalationRules.deliveredButNotReceived("I never got the email saying it was delivered"))
                .isFalse();
        assertThat(EscalationRules.onlyAPersonCanHelp("it says delivered but I never got it"))
                .isEmpty();
        assertThat(EscalationRules.onlyAPersonCanHelp("you charged me twice for order 1002"))
                .hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo("billing_problem"));
        assertThat(EscalationRules.onlyAPersonCanHelp("I was double-charged"))
                .hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo("billing_problem"));
        assertThat(EscalationRules.onlyAPersonCanHelp("was my order delivered?"))
                .isEmpty();
        assertThat(EscalationRules.onlyAPersonCanHelp("when will I be charged?"))
                .isEmpty();
    }

    @Test
    void aVagueMessageIsToldFromAQuestion() {
        for (String vague : List.of(
                "I have a problem",
                "help",
                "Hi, I need some help please",
                "it's complicated",
                "hmm",
                "can you help me?",
                "there is an issue")) {
            assertThat(OfflineAnswers.vague(vague)).as(vague).isTrue();
        }
        for (String asked : List.of(
                "I have a problem with my order 1001",
                "help me return my boots",
                "do you ship to Canada?",
                "where is my order")) {
            assertThat(OfflineAnswers.vague(asked)).as(asked).isFalse();
        }
        assertThat(OfflineAnswers.clarify("help", false, "en"))
                .isNotEqualTo(OfflineAnswers.clarify("help", true, "en"));
    }

    @Test
    void knowsWhenHumansAreAtWorkInTheStoresTimeZone() {
        WorkingHours weekdays =
                new WorkingHours("America/New_York", "09:00", "18:00", List.of("mon", "tue", "wed", "thu", "fri"));
        Instant mondayNoonNewYork = Instant.parse("2026-11-23T17:00:00Z");
        Instant saturdayNoonNewYork = Instant.parse("2026-11-28T17:00:00Z");
        Instant mondayNightNewYork = Instant.parse("2026-11-24T02:00:00Z");

        assertThat(WorkingHoursClock.open(weekdays, mondayNoonNewYork)).isTrue();
        assertThat(WorkingHoursClock.open(weekdays, saturdayNoonNewYork)).isFalse();
        assertThat(WorkingHoursClock.open(weekdays, mondayNightNewYork)).isFalse();
        assertThat(WorkingHoursClock.nextOpening(weekdays, saturdayNoonNewYork)
                        .orElseThrow()
                        .toString())
                .startsWith("2026-11-30T09:00-05:00");
        assertThat(WorkingHoursClock.describe(
                        WorkingHoursClock.nextOpening(weekdays, mondayNightNewYork)
                                .orElseThrow(),
                        mondayNightNewYork,
                        "en"))
                .isEqualTo("tomorrow at 09:00 (America/New_York)");
    }

    @Test
    void handlesOvernightWorkingHours() {
        WorkingHours nights = new WorkingHours("UTC", "22:00", "06:00", WorkingHours.ALL_DAYS);

        assertThat(WorkingHoursClock.open(nights, Instant.parse("2026-11-23T23:30:00Z")))
                .isTrue();
        assertThat(WorkingHoursClock.open(nights, Instant.parse("2026-11-24T05:59:00Z")))
                .isTrue();
        assertThat(WorkingHoursClock.open(nights, Instant.parse("2026-11-24T12:00:00Z")))
                .isFalse();
    }

    @Test
    void answersFromTheSentencesOfThePassageThatMatchTheQuestion() {
        String text = "Our store opened in 1998 in Portland. We love the outdoors. "
                + "You can return unworn items within 30 days of delivery. Returns are free for members. "
                + "Final sale items cannot be returned. Our founders still hike every weekend. "
                + "Gift cards are sold in any amount from $10 to $500 and never expire.";
        OfflineAnswers.Passage passage =
                new OfflineAnswers.Passage("Returns policy", "", text, "https://shop.test/returns", 0.7);
        BrandVoice voice = new BrandVoice("friendly_professional", "first_name", "Parley");

        String reply = OfflineAnswers.fromPassages(
                "can i return unworn shoes after 30 days",
                List.of(passage),
                OfflineAnswers.Nearness.WORDS_ONLY,
                voice,
                "John Doe",
                "en");

        assertThat(reply).startsWith("Hi John! ").contains("return unworn items within 30 days");
        assertThat(reply).doesNotContain("founders").doesNotContain("1998");
        assertThat(reply).contains("Source: Returns policy (https://shop.test/returns)");
    }

    @Test
    void choosesTheSentenceThatAnswersByMeaningWhenItSharesNoWordWithTheQuestion() {
        String text = "We were founded in Portland in 1998 and still pack every order by hand. "
                + "Standard shipping takes 3 to 5 business days within the US. "
                + "Our team loves hiking and trail running on weekends. "
                + "Gift cards are sold in any amount from $10 to $500. "
                + "Members get early access to seasonal sales every spring.";
        Understanding understanding = new Understanding(TextEmbeddings.local(), null);

        String byMeaning =
                OfflineAnswers.relevantSentences("when will my parcel get here?", text, understanding::nearness);
        String byWords = OfflineAnswers.relevantSentences(
                "when will my parcel get here?", text, OfflineAnswers.Nearness.WORDS_ONLY);

        assertThat(byMeaning)
                .contains("3 to 5 business days")
                .doesNotContain("Gift cards")
                .doesNotContain("hiking");
        // Sharing no word with any sentence, the question would otherwise get the passage's opening lines.
        assertThat(byWords).contains("founded in Portland");
    }

    @Test
    void leavesOutThePiecesOfSentencesAChunkBoundaryCut() {
        String chunk = "cards and our own gift cards. We ship to the US and Canada only. Orders placed before noon"
                + " leave the same day. Express delivery takes one to two business days and costs 15 dollars."
                + " Standard delivery is free over 50 dollars. If we cannot ship part of the order, we refund that"
                + " part at once. You can pay in four";

        String reply =
                OfflineAnswers.relevantSentences("do you ship to canada", chunk, OfflineAnswers.Nearness.WORDS_ONLY);

        assertThat(reply).contains("We ship to the US and Canada only.");
        assertThat(reply).doesNotContain("cards and our own").doesNotContain("pay in four");
        assertThat(OfflineAnswers.wholeSentences(chunk)).first().isEqualTo("We ship to the US and Canada only.");
        assertThat(OfflineAnswers.wholeSentences(chunk))
                .last()
                .isEqualTo("If we cannot ship part of the order, we refund that part at once.");
    }

    @Test
    void keepsTheSentenceThatGoesOnAboutTheOneChosen() {
        String article =
                "Our Seattle shop is at 1420 Pine Street, Seattle, WA 98101. It is open Monday to Saturday from"
                        + " 10 am to 8 pm and on Sunday from 11 am to 6 pm. Our Portland shop is at 815 NW 13th Avenue,"
                        + " Portland, OR 97209. It is open every day from 10 am to 7 pm. Both shops are closed on Thanksgiving,"
                        + " Christmas Day and New Year's Day.";

        String reply = OfflineAnswers.relevantSentences(
                "what time does the portland shop close", article, OfflineAnswers.Nearness.WORDS_ONLY);

        assertThat(reply).contains("Our Portland shop").contains("It is open every day from 10 am to 7 pm.");
    }

    @Test
    void readsASentenceAnArticleWrappedOverTwoLinesAsOne() {
        String text =
                "We accept cards, PayPal and our own gift\ncards. All prices are in US dollars.\n\n- Visa.\n- PayPal.";

        assertThat(OfflineAnswers.wholeSentences(text))
                .containsExactly(
                        "We accept cards, PayPal and our own gift cards.",
                        "All prices are in US dollars.",
                        "- Visa.",
                        "- PayPal.");
    }

    @Test
    void answersEachAskOfAMessageFromItsOwnArticleAndNamesBoth() {
        List<OfflineAnswers.Answered> answers = List.of(
                new OfflineAnswers.Answered(
                        "Do you ship to Canada",
                        new OfflineAnswers.Passage("Shipping", "", "We ship to the US and Canada only.", "", 0.6)),
                new OfflineAnswers.Answered(
                        "can I pay with Apple Pay?",
                        new OfflineAnswers.Passage("Payments", "", "We accept cards and Apple Pay.", "", 0.6)));

        String reply = OfflineAnswers.fromSeveral(
                answers, OfflineAnswers.Nearness.WORDS_ONLY, settings.brandVoice(), null, "en");

        assertThat(reply).startsWith("We ship to the US and Canada only.\n\nWe accept cards and Apple Pay.");
        assertThat(reply).contains("Sources: Shipping, Payments");
    }

    @Test
    void speaksTheCustomersLanguageInItsTemplates() {
        BrandVoice formal = new BrandVoice("formal", "full_name", "Parley");

        assertThat(OfflineAnswers.smallTalk("greeting", "uz", formal, null))
                .isEqualTo("Salom! Sizga qanday yordam bera olaman?");
        assertThat(OfflineAnswers.smallTalk("greeting", "en", formal, "Ada Lovelace"))
                .isEqualTo("Hello Ada Lovelace! How can I help you today?");
        assertThat(OfflineAnswers.handedOff("en", "tomorrow at 09:00 (UTC)")).contains("back tomorrow at 09:00 (UTC)");
        assertThat(OfflineAnswers.unsure("uz")).contains("bogʻlashimni");
    }

    private static TurnRequest request(String message, List<PriorMessage> history, Map<String, String> facts) {
        return new TurnRequest(
                "store_x", Mode.LIVE, "conv_x", message, history, ConversationMemory.fromFacts(facts), "widget", null);
    }
}
