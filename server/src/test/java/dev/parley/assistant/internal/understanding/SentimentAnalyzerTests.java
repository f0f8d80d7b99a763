package dev.parley.assistant.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.assistant.internal.understanding.SentimentAnalyzer.Label;
import dev.parley.knowledge.TextEmbeddings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentimentAnalyzerTests {

    static SentimentAnalyzer analyzer;

    @BeforeAll
    static void train() {
        analyzer = SentimentAnalyzer.standard(TextEmbeddings.local());
    }

    @Test
    void tellsClearCasesApart() {
        assertThat(analyzer.analyze("Thank you so much, everything works perfectly now!")
                        .label())
                .isEqualTo(Label.POSITIVE);
        assertThat(analyzer.analyze("Can I change the colour of the mug I ordered?")
                        .label())
                .isEqualTo(Label.NEUTRAL);
        assertThat(analyzer.analyze("The kettle broke after two days and leaks everywhere.")
                        .label())
                .isEqualTo(Label.NEGATIVE);
    }

    @Test
    void callsNegativeMessagesWithFrustrationCuesFrustrated() {
        SentimentAnalyzer.Sentiment sentiment =
                analyzer.analyze("This is the third time I'm asking, my refund is STILL missing!!");

        assertThat(sentiment.label()).isEqualTo(Label.FRUSTRATED);
        assertThat(sentiment.score()).isLessThan(-0.4);
        assertThat(sentiment.cues()).contains("repeated punctuation", "third time");
    }

    @Test
    void scoresRunFromNegativeToPositive() {
        double happy = analyzer.analyze("Wonderful service, I'm delighted").score();
        double unhappy = analyzer.analyze("Awful quality, very disappointed").score();

        assertThat(happy).isBetween(0.0, 1.0);
        assertThat(unhappy).isBetween(-1.0, 0.0);
    }

    @Test
    void findsFrustrationCues() {
        assertThat(FrustrationCues.find("Where is my order? Still waiting!!"))
                .contains("repeated punctuation", "still", "waiting");
        assertThat(FrustrationCues.find("WHY HAS NOBODY ANSWERED")).contains("capitals");
        assertThat(FrustrationCues.find("Can you ship with UPS or DHL?")).isEmpty();
        // Airport codes are not shouting; short words in capitals are.
        assertThat(FrustrationCues.find("is the JFK to LHR flight on time?")).isEmpty();
        assertThat(FrustrationCues.find("WHY NOT tell us")).contains("capitals");
    }

    @Test
    void readsAPostedMessageWithoutItsHandlesAndLinks() {
        SentimentAnalyzer.Sentiment posted =
                analyzer.analyze("@SkyLine @Ana_B can I change my flight to tomorrow? https://t.co/Ab3dE9");
        SentimentAnalyzer.Sentiment plain = analyzer.analyze("can I change my flight to tomorrow?");

        assertThat(posted.score()).isEqualTo(plain.score());
        assertThat(posted.label()).isEqualTo(Label.NEUTRAL);
    }

    @Test
    void readsSarcasmAsNegative() {
        for (String message : java.util.List.of(
                "great, just great. my flight is delayed again",
                "thanks for nothing @QuickParcel",
                "yeah right, \"next day delivery\"",
                "oh brilliant, the replacement is broken too 🙄")) {
            assertThat(analyzer.analyze(message).label().threeWay()).as(message).isEqualTo(Label.NEGATIVE);
        }
    }

    @Test
    void readsPraiseThroughProblemWordsAsPositive() {
        for (String message : java.util.List.of(
                "no problems at all with my order, thanks",
                "never had an issue with you guys 👍",
                "couldn't be happier with the jacket ❤️")) {
            assertThat(analyzer.analyze(message).label()).as(message).isEqualTo(Label.POSITIVE);
        }
    }

    @Test
    void readsQuestionsAboutProblemsAsNeutral() {
        for (String message : java.util.List.of(
                "what happens if my parcel is damaged in transit?", "how do I report a missing item from my order")) {
            assertThat(analyzer.analyze(message).label()).as(message).isEqualTo(Label.NEUTRAL);
        }
    }

    @Test
    void callsProfanityAngryEmojiAndRepetitionFrustrated() {
        SentimentAnalyzer.Sentiment swearing = analyzer.analyze("where the hell is my refund 😡");

        assertThat(swearing.label()).isEqualTo(Label.FRUSTRATED);
        assertThat(swearing.cues()).contains("profanity", "angry emoji");
        assertThat(analyzer.analyze("third time I'm asking, where is my parcel").label())
                .isEqualTo(Label.FRUSTRATED);
    }

    @Test
    void findsSentimentCues() {
        float[] sarcastic = SentimentCues.of("Great, just great 🙄");
        float[] praise = SentimentCues.of("No issues whatsoever 👍");
        float[] question = SentimentCues.of("@Shop how do I return a damaged item?");

        assertThat(sarcastic[3]).as("sarcasm").isEqualTo(1f);
        assertThat(sarcastic[1]).as("eye-roll emoji").isGreaterThan(0f);
        assertThat(praise[4]).as("praise through problem words").isEqualTo(1f);
        assertThat(praise[0]).as("thumbs up").isGreaterThan(0f);
        assertThat(question[6]).as("question").isEqualTo(1f);
        assertThat(question[3] + question[4] + question[9]).isZero();
        assertThat(SentimentCues.of("hello, thanks")[9])
                .as("no profanity in hello")
                .isZero();
    }

    @Test
    void tellsComplaintQuestionsFromRequestsForInformation() {
        float[] complaint = SentimentCues.of("why does it take 4 days to answer a DM?");
        float[] pointless = SentimentCues.of("what's the point of priority boarding then");
        float[] request = SentimentCues.of("can I bring my cat in the cabin?");
        float[] rules = SentimentCues.of("what is the weight limit for checked bags");

        assertThat(complaint[11]).as("complaint question").isEqualTo(1f);
        assertThat(complaint[12]).as("not a request for information").isZero();
        assertThat(pointless[11]).as("complaint question").isEqualTo(1f);
        assertThat(request[12]).as("request for information").isEqualTo(1f);
        assertThat(request[11]).as("not a complaint").isZero();
        assertThat(rules[12]).as("request for information").isEqualTo(1f);
    }

    @Test
    void findsTimeThatHasPassed() {
        assertThat(SentimentCues.of("flight was supposed to leave at 4. it's 7:15")[13])
                .isEqualTo(1f);
        assertThat(SentimentCues.of("refund submitted in March. it's October")[13])
                .isEqualTo(1f);
        assertThat(SentimentCues.of("they said 20 minutes. that was 2 hours ago")[13])
                .isEqualTo(1f);
        assertThat(SentimentCues.of("my bag is in Denver, day 3")[13]).isEqualTo(1f);
        assertThat(SentimentCues.of("landed early, thanks")[13]).isZero();
    }

    @Test
    void tellsAnOutcomeThatCameThroughFromAProblemThatPersists() {
        float[] refunded = SentimentCues.of("got my refund back this morning");
        float[] waiting = SentimentCues.of("the bag was waiting at the carousel");
        float[] quick = SentimentCues.of("rang at 8:01, sorted by 8:07");
        float[] stillNothing = SentimentCues.of("3 weeks later, still no refund");
        float[] again = SentimentCues.of("delayed yet again");
        float[] neverCame = SentimentCues.of("the parcel never arrived");

        assertThat(refunded[14]).as("outcome came through").isEqualTo(1f);
        assertThat(waiting[14]).as("outcome came through").isEqualTo(1f);
        assertThat(quick[14]).as("outcome came through").isEqualTo(1f);
        assertThat(stillNothing[15]).as("problem persists").isEqualTo(1f);
        assertThat(stillNothing[14]).as("no outcome came through").isZero();
        assertThat(again[15]).as("problem persists").isEqualTo(1f);
        assertThat(neverCame[15]).as("problem persists").isEqualTo(1f);
        assertThat(SentimentCues.of("got my refund yet? no")[14])
                .as("a refund asked about is no outcome")
                .isZero();
    }
}
