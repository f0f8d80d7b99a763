package dev.parley.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.ConversationMemory;
import dev.parley.assistant.ConversationMemory.Task;
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
    void aRecoveryApologyLeadsTheAnswerAndIsSaidOnce() {
        String recovery = "I'm sorry that order #1001 is running late. As an apology, here is a 10% discount code for"
                + " your next order: SORRY10";

        assertThat(TaskReplies.apologyFirst(
                        "I'm sorry for the wait. Your order #1001 is in transit with UPS.", recovery))
                .isEqualTo("I'm sorry that order #1001 is running late. Your order #1001 is in transit with UPS.\n\n"
                        + "As an apology, here is a 10% discount code for your next order: SORRY10");
        assertThat(TaskReplies.apologyFirst("Your order #1001 is in transit with UPS.", recovery))
                .startsWith("I'm sorry that order #1001 is running late. Your order #1001 is in transit")
                .endsWith("SORRY10");
        // an answer of the tool that does not open with an apology is left after the status, whole
        assertThat(TaskReplies.apologyFirst("Your order #1001 is in transit.", "Here is a code: SORRY10"))
                .isEqualTo("Your order #1001 is in transit.\n\nHere is a code: SORRY10");
        assertThat(TaskReplies.opensWithApology("Kutib qolganingiz uchun uzr. Buyurtmangiz yoʻlda."))
                .isTrue();
        assertThat(TaskReplies.opensWithApology("Your order #1001 is in transit. Sorry it took a while."))
                .isFalse();
    }

    @Test
    void aHelpCentreSentenceThatOnlyMentionsAThingDoesNotSayItIsSold() {
        assertThat(OfflineAnswers.saysWhatIsSold("Gift cards and items marked final sale cannot be returned."))
                .isFalse();
        assertThat(OfflineAnswers.saysWhatIsSold("We accept Visa, PayPal and our own gift cards."))
                .isFalse();
        assertThat(OfflineAnswers.saysWhatIsSold("You can buy gift cards from $10 in any of our shops."))
                .isTrue();
        assertThat(OfflineAnswers.saysWhatIsSold("Gift cards are sold online and in store."))
                .isTrue();
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

    /**
     * The reply templates, in English and Uzbek, are whole sentences: each opens with a capital letter and ends with
     * its mark, and no piece is glued to the next ("Your order #1001 (placed Thursday) It shipped ...").
     */
    @Test
    void everyTemplateIsMadeOfWholeSentencesInBothLanguages() {
        List<String> replies = new java.util.ArrayList<>();
        for (String language : List.of("en", "uz")) {
            for (String flow : TaskFlows.FLOWS.keySet()) {
                Task task = new Task(
                        flow,
                        Map.of("order_number", "1001", "email", "jane@example.com", "address", "1 Main St, Portland"),
                        List.of());
                for (String slot : List.of("order_number", "email", "address")) {
                    String first = TaskReplies.ask(slot, task, language, null);
                    replies.add(first);
                    replies.add(TaskReplies.ask(slot, task, language, first));
                    replies.add(TaskReplies.reassure(slot, task, language));
                }
                replies.add(TaskReplies.backTo(task, language) + " " + TaskReplies.ask("email", task, language, null));
            }
            for (Task task : List.of(
                    new Task("refund", Map.of("order_number", "1002", "amount", "10.00"), List.of()),
                    new Task("return", Map.of("order_number", "1003"), List.of()),
                    new Task("cancel", Map.of("order_number", "1004"), List.of()),
                    new Task("change_address", Map.of("order_number", "1004", "address", "1 Main St"), List.of()))) {
                ConversationMemory.Confirmation action = TaskFlows.confirmation(task);
                replies.add(TaskReplies.confirm(action, language));
                replies.add(TaskReplies.declined(action, language));
                replies.add(TaskReplies.leftAsIs(action, language) + " " + OfflineAnswers.unsure(language));
            }
            replies.add(TaskReplies.apology(language));
            replies.add(TaskReplies.couldNotHelp(language));
            replies.add(TaskReplies.compensationPassedOn(language));
            replies.add(TaskReplies.problem("1003", "damaged", null, language));
            replies.add(TaskReplies.problem("1003", "wrong_item", null, language));
            replies.add(OfflineAnswers.unsure(language));
            replies.add(OfflineAnswers.clarify("I have a problem", false, language));
            replies.add(OfflineAnswers.clarify("help", true, language));
            replies.add(OfflineAnswers.stayWithThem(language));
            replies.add(OfflineAnswers.notSoldAsFarAsWeKnow(language));
            replies.add(OfflineAnswers.noCodesOnRequest(language));
            replies.add(OfflineAnswers.handedOff(language, null));
            replies.add(OfflineAnswers.teamWillReply(language, null));
        }

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply).as(reply).isNotBlank().doesNotContain("  ", " .", " ,", " ?", "null");
            // a sentence opens with a capital letter, or with the order's number ("#1001 buyurtma ...")
            assertThat(reply.strip()).as(reply).matches("(?s)^[\\p{Lu}#\\d].*");
            assertThat(reply.strip()).as(reply).matches("(?s).*[.?!]$");
            // a sentence ends before the next begins: no ") It" or ". it" where two pieces were joined
            assertThat(reply).as(reply).doesNotContainPattern("\\) \\p{Lu}").doesNotContainPattern("[.?!] \\p{Ll}");
        });
    }

    private static TurnRequest request(String message, List<PriorMessage> history, Map<String, String> facts) {
        return new TurnRequest(
                "store_x", Mode.LIVE, "conv_x", message, history, ConversationMemory.fromFacts(facts), null);
    }
}
