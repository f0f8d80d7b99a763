package dev.parley.assistant.internal.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BuiltInIntentsTests {

    static final Set<String> ORIGINAL = Set.of(
            "order_status",
            "shipping_info",
            "return_request",
            "refund_request",
            "cancel_order",
            "change_address",
            "product_question",
            "product_search",
            "discount_request",
            "billing",
            "account",
            "complaint",
            "human_handoff",
            "greeting",
            "thanks",
            "goodbye");

    @Test
    void keepsTheOriginalIntentsAndFoldsEachFinerOneIntoOneOfThem() {
        Map<String, Long> examples = BuiltInIntents.examples().stream()
                .collect(Collectors.groupingBy(LabelledText::label, Collectors.counting()));

        assertThat(examples.keySet())
                .containsAll(ORIGINAL)
                .contains("refund_status", "delivery_time", "store_locations");
        assertThat(examples).allSatisfy((label, count) -> assertThat(count).isGreaterThanOrEqualTo(50));
        assertThat(examples.keySet().stream().filter(l -> !l.equals(IntentClassifier.OUT_OF_SCOPE)))
                .allSatisfy(label -> assertThat(BuiltInIntents.family(label))
                        .isIn(ORIGINAL.contains(label) || label.equals("store_locations") ? Set.of(label) : ORIGINAL));
        assertThat(BuiltInIntents.family("refund_status")).isEqualTo("refund_request");
        assertThat(BuiltInIntents.family("gift_wrap")).isEqualTo("gift_wrap");
    }

    @Test
    void splitsEveryExampleIntoTrainingOrValidationOnce() {
        BuiltInIntents.Split split = BuiltInIntents.split();

        assertThat(split.train().size() + split.validation().size())
                .isEqualTo(BuiltInIntents.examples().size());
        assertThat(split.validation()).doesNotContainAnyElementsOf(split.train());
    }
}
