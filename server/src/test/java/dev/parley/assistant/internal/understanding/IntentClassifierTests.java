package dev.parley.assistant.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.knowledge.TextEmbeddings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IntentClassifierTests {

    static TextEmbeddings embeddings;
    static IntentClassifier classifier;

    @BeforeAll
    static void train() {
        embeddings = TextEmbeddings.local();
        classifier = IntentClassifier.train(IntentExamples.all(), embeddings);
    }

    @Test
    void recognisesParaphrasesItNeverSaw() {
        assertThat(classifier.predict("has order 98765 been dispatched?").label())
                .isEqualTo("order_status");
        assertThat(classifier
                        .predict("these trousers are too big, I want to send them back")
                        .label())
                .isEqualTo("return_item");
        assertThat(classifier.predict("I can't remember my login credentials").label())
                .isEqualTo("reset_password");
        assertThat(classifier
                        .predict("what do you charge to deliver to Germany?")
                        .label())
                .isEqualTo("shipping_cost");
    }

    @Test
    void givesAConfidenceAndTheLikeliestAlternatives() {
        IntentClassifier.Prediction prediction = classifier.predict("where's my parcel?");

        assertThat(prediction.confidence()).isBetween(0.0, 1.0);
        assertThat(prediction.alternatives()).hasSize(3);
        assertThat(prediction.alternatives().getFirst().label()).isEqualTo("order_status");
        assertThat(prediction.alternatives())
                .isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
    }

    @Test
    void refusesWhatNoIntentCovers() {
        assertThat(classifier.predict("what year did the Roman empire fall?").outOfScope())
                .isTrue();
        String shipment = "could you find my shipment";
        double confidence = classifier.predict(shipment).confidence();
        assertThat(classifier
                        .withThreshold(Math.nextUp(confidence))
                        .predict(shipment)
                        .label())
                .isEqualTo(IntentClassifier.OUT_OF_SCOPE);
    }

    @Test
    void choosesAThresholdThatSeparatesOutOfScopeOnValidationData() {
        List<LabelledText> validation = List.of(
                new LabelledText("where is my stuff", "order_status"),
                new LabelledText("I'd like to return my boots", "return_item"),
                new LabelledText("I can't sign in", "reset_password"),
                new LabelledText("what is two plus two", IntentClassifier.OUT_OF_SCOPE),
                new LabelledText("play some jazz music", IntentClassifier.OUT_OF_SCOPE));

        double threshold = classifier.chooseThreshold(validation);

        assertThat(threshold).isBetween(0.0, 0.95);
        assertThat(classifier
                        .withThreshold(threshold)
                        .predictAll(validation.stream().map(LabelledText::text).toList()))
                .extracting(IntentClassifier.Prediction::label)
                .containsExactlyElementsOf(
                        validation.stream().map(LabelledText::label).toList());
    }

    @Test
    void doesNotRefuseAMessageTornBetweenTwoIntentsOfOneFamily() {
        List<String> status = List.of("where is my refund", "my refund has not arrived", "refund still not received");
        List<String> request = List.of("i want a refund", "refund me please", "give me a refund for my order");
        List<String> outOfScope = List.of("what is the capital of peru", "tell me a joke", "play some music");
        String torn = "refund";

        IntentClassifier family = IntentClassifier.train(
                labelled(status, "refund_status", request, "refund_request", outOfScope), embeddings);
        IntentClassifier strangers =
                IntentClassifier.train(labelled(status, "alpha", request, "beta", outOfScope), embeddings);
        List<IntentClassifier.Alternative> top =
                strangers.withThreshold(0).predict(torn).alternatives();
        double bothTogether = top.get(0).confidence() + top.get(1).confidence();
        double threshold = (top.get(0).confidence() + bothTogether) / 2;

        assertThat(strangers.withThreshold(threshold).predict(torn).outOfScope())
                .isTrue();
        assertThat(family.withThreshold(threshold).predict(torn).label()).isIn("refund_status", "refund_request");
    }

    private static List<LabelledText> labelled(
            List<String> first, String firstLabel, List<String> second, String secondLabel, List<String> outOfScope) {
        List<LabelledText> examples = new java.util.ArrayList<>();
        first.forEach(t -> examples.add(new LabelledText(t, firstLabel)));
        second.forEach(t -> examples.add(new LabelledText(t, secondLabel)));
        outOfScope.forEach(t -> examples.add(new LabelledText(t, IntentClassifier.OUT_OF_SCOPE)));
        return examples;
    }

    @Test
    void learnsTheSameModelFromTheSameExamples() {
        IntentClassifier again = IntentClassifier.train(IntentExamples.all(), embeddings);

        for (String text : List.of("track my package", "free delivery?", "I lost my password", "sing a song")) {
            assertThat(again.predict(text)).isEqualTo(classifier.predict(text));
        }
    }

    @Test
    void aFamilyWithAThresholdOfItsOwnIsRefusedUnderItWhileOthersKeepTheGlobalOne() {
        String parcel = "could you find my shipment";
        String login = "I can't sign in";
        IntentClassifier.Prediction before = classifier.withThreshold(0).predict(parcel);
        IntentClassifier strictForOrders = classifier
                .withThreshold(0)
                .withFamilyThresholds(Map.of(before.label(), Math.nextUp(before.confidence())));

        assertThat(strictForOrders.predict(parcel).outOfScope()).isTrue();
        assertThat(strictForOrders.predict(login).label()).isEqualTo("reset_password");
        assertThat(strictForOrders.familyThresholds()).containsKey(before.label());
    }

    @Test
    void showsTheEvidenceTheOutOfScopeDecisionReads() {
        List<IntentClassifier.Evidence> evidence = classifier.evidenceAll(
                List.of("has order 98765 been dispatched?", "what year did the Roman empire fall?"));

        assertThat(evidence.get(0).best()).isEqualTo("order_status");
        assertThat(evidence.get(0).family()).isGreaterThan(evidence.get(0).outOfScope());
        assertThat(evidence.get(1).outOfScope()).isGreaterThan(evidence.get(1).family());
    }
}
