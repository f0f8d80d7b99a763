package dev.parley.assistant.internal.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small shop's intents, a few ways each, and some things a shop's assistant is not for. */
final class IntentExamples {

    private IntentExamples() {}

    static final Map<String, List<String>> INTENTS = Map.of(
            "order_status",
            List.of(
                    "where is my order",
                    "has my package shipped yet",
                    "track my parcel",
                    "when will my order arrive",
                    "what's the status of order 1234",
                    "my delivery hasn't come, where is it",
                    "is my order on its way",
                    "can you check where my shipment is"),
            "return_item",
            List.of(
                    "I want to return these shoes",
                    "how do I send an item back",
                    "can I return a jacket that doesn't fit",
                    "start a return for my order",
                    "I'd like to give back the dress I bought",
                    "return policy for sale items",
                    "send me a return label",
                    "I need to return a damaged lamp"),
            "reset_password",
            List.of(
                    "I forgot my password",
                    "reset my password please",
                    "can't log into my account",
                    "how do I change my password",
                    "the login page says my password is wrong",
                    "locked out of my account",
                    "password reset email never came",
                    "help me sign in, I lost my password"),
            "shipping_cost",
            List.of(
                    "how much is shipping",
                    "do you charge for delivery",
                    "what are the delivery fees to France",
                    "is shipping free over 50 euros",
                    "cost of express shipping",
                    "how much does it cost to send to Canada",
                    "are there shipping charges",
                    "price of next day delivery"),
            IntentClassifier.OUT_OF_SCOPE,
            List.of(
                    "what is the capital of Australia",
                    "tell me a joke",
                    "how tall is mount everest",
                    "who won the football game last night",
                    "what's the weather like tomorrow",
                    "recommend a good movie",
                    "how do I cook rice",
                    "translate hello into Italian"));

    static List<LabelledText> all() {
        List<LabelledText> examples = new ArrayList<>();
        INTENTS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> e.getValue().forEach(text -> examples.add(new LabelledText(text, e.getKey()))));
        return examples;
    }
}
