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
    }
}
