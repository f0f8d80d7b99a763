package dev.parley.assistant.internal;

import dev.parley.assistant.Turn.DetectedEntity;
import dev.parley.assistant.internal.understanding.BuiltInIntents;
import dev.parley.assistant.internal.understanding.Entity;
import dev.parley.assistant.internal.understanding.EntityExtractor;
import dev.parley.assistant.internal.understanding.IntentClassifier;
import dev.parley.assistant.internal.understanding.LanguageDetector;
import dev.parley.assistant.internal.understanding.SentimentAnalyzer;
import dev.parley.knowledge.TextEmbeddings;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * What a message says: the built-in commerce intent (trained at startup from the examples shipped in the jar),
 * sentiment, language and entities. Training runs in the background; the first turn waits for it if it must.
 */
@Component
class Understanding {

    static final int MAX_CHARS = 4000;

    record Understood(
            String intent,
            double intentConfidence,
            String sentiment,
            double sentimentScore,
            String language,
            List<Entity> entities) {

        List<DetectedEntity> detected() {
            return entities.stream()
                    .map(e -> new DetectedEntity(e.type(), e.text(), e.value()))
                    .toList();
        }
    }

    private final CompletableFuture<IntentClassifier> intents;
    private final CompletableFuture<SentimentAnalyzer> sentiment;
    private final EntityExtractor entities = new EntityExtractor();
    private final LanguageDetector languages = new LanguageDetector();

    Understanding(TextEmbeddings embeddings) {
        this.intents = CompletableFuture.supplyAsync(() -> builtInIntents(embeddings));
        this.sentiment = CompletableFuture.supplyAsync(() -> SentimentAnalyzer.standard(embeddings));
    }

    Understood understand(String message) {
        String text = message.length() > MAX_CHARS ? message.substring(0, MAX_CHARS) : message;
        if (text.isBlank()) {
            return new Understood("other", 0, "neutral", 0, "en", List.of());
        }
        String language = languages.detect(text);
        SentimentAnalyzer.Sentiment feeling = sentiment.join().analyze(text);
        String intent;
        double confidence;
        Optional<String> uzbekSmallTalk = language.equals("uz") ? uzbekSmallTalk(text) : Optional.empty();
        if (uzbekSmallTalk.isPresent()) {
            intent = uzbekSmallTalk.get();
            confidence = 0.9;
        } else {
            IntentClassifier.Prediction prediction = intents.join().predict(text);
            intent = prediction.outOfScope() ? "other" : prediction.label();
            confidence = prediction.confidence();
        }
        return new Understood(
                intent, confidence, feeling.label().id(), feeling.score(), language, entities.extract(text));
    }

    /**
     * Greetings, thanks and farewells in Uzbek: the built-in intent examples are English, so these common phrases
     * are recognised by their words.
     */
    static Optional<String> uzbekSmallTalk(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        String[] words = lower.split("[^\\p{L}'ʻ]+");
        if (words.length > 6) {
            return Optional.empty();
        }
        if (lower.contains("assalomu") || lower.matches(".*\\b(salom|салом|ассалому)\\b.*")) {
            return Optional.of("greeting");
        }
        if (lower.matches(".*\\b(rahmat|рахмат|raxmat|tashakkur)\\b.*")) {
            return Optional.of("thanks");
        }
        if (lower.matches(".*\\b(xayr|хайр|salomat bo'ling|salomat boʻling)\\b.*")) {
            return Optional.of("goodbye");
        }
        return Optional.empty();
    }

    /**
     * The built-in commerce intents. The out-of-scope threshold is chosen on a fifth of the examples held out from a
     * first model (never on the evaluation set), then the model is trained on all of them.
     */
    static IntentClassifier builtInIntents(TextEmbeddings embeddings) {
        BuiltInIntents.Split split = BuiltInIntents.split();
        double threshold = IntentClassifier.train(split.train(), embeddings).chooseThreshold(split.validation());
        return IntentClassifier.train(BuiltInIntents.examples(), embeddings).withThreshold(threshold);
    }
}
