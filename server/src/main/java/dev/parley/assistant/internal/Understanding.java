package dev.parley.assistant.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.assistant.Turn.DetectedEntity;
import dev.parley.assistant.internal.understanding.BuiltInIntents;
import dev.parley.assistant.internal.understanding.Entities;
import dev.parley.assistant.internal.understanding.EntityExtractor;
import dev.parley.assistant.internal.understanding.IntentClassifier;
import dev.parley.assistant.internal.understanding.LabelledText;
import dev.parley.assistant.internal.understanding.LanguageDetector;
import dev.parley.assistant.internal.understanding.MessageIntents;
import dev.parley.assistant.internal.understanding.Misspellings;
import dev.parley.assistant.internal.understanding.SentimentAnalyzer;
import dev.parley.assistant.internal.understanding.StoredModels;
import dev.parley.knowledge.TextEmbeddings;
import dev.parley.platform.Mode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a message says: the built-in commerce intent and any others it also asks, sentiment, language and entities.
 * The built-in models are trained when the server is built and loaded at startup in the background (a second or
 * two); only when the jar's models were trained from other examples does the server train them itself, and a first
 * turn that arrives before that ends waits for it.
 */
@Component
class Understanding {

    static final int MAX_CHARS = 4000;

    private static final Logger log = LoggerFactory.getLogger(Understanding.class);

    record Understood(
            String intent,
            double intentConfidence,
            List<String> otherIntents,
            String sentiment,
            double sentimentScore,
            String language,
            Entities entities) {

        List<DetectedEntity> detected() {
            return entities.all().stream()
                    .map(e -> new DetectedEntity(e.type(), e.text(), e.value()))
                    .toList();
        }
    }

    private final CompletableFuture<IntentClassifier> intents;
    private final TextEmbeddings embeddings;
    private final WorkspaceIntents workspaceIntents;
    private final Cache<String, String> versions = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(5))
            .maximumSize(100_000)
            .build();
    private final Map<String, WorkspaceModel> workspaceModels = new ConcurrentHashMap<>();

    /** A workspace's classifier: the built-in intents and its own, trained for one version of its intents. */
    private record WorkspaceModel(String version, CompletableFuture<IntentClassifier> classifier) {}

    private final CompletableFuture<SentimentAnalyzer> sentiment;

    /**
     * What was understood of a text, by the classifier that read it and the day its relative dates count from:
     * shoppers repeat themselves, and reading a message again (its n-grams, every intent's score, sentiment, entities)
     * was a tenth of a repeated turn's CPU. A retrained classifier is a new key; the old ones age out.
     */
    private final Cache<Asked, Understood> understood = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    private record Asked(IntentClassifier classifier, String text, LocalDate today) {}

    private final EntityExtractor entities = new EntityExtractor();
    private final LanguageDetector languages = new LanguageDetector();

    Understanding(TextEmbeddings embeddings, WorkspaceIntents workspaceIntents) {
        // The embeddings remember what they embedded: retraining a workspace's intents embeds only its new examples,
        // and a message is embedded once for its intent, its sentiment and the knowledge search.
        this.embeddings = embeddings;
        this.workspaceIntents = workspaceIntents;
        this.intents = CompletableFuture.supplyAsync(() -> builtInIntents(this.embeddings));
        // Both models read one embedding of a message: the intent classifier's, remembered by the cache.
        this.sentiment = CompletableFuture.supplyAsync(() -> sentimentAnalyzer(this.embeddings));
        // The words a turn mends slips against are read once, before the first message rather than during it.
        CompletableFuture.runAsync(Misspellings::standard);
    }

    /**
     * How near in meaning each sentence is to the question: the cosine of their embeddings, remembered by text, so a
     * help centre's sentences are embedded once and the question's embedding is the one its understanding made.
     */
    double[] nearness(String question, List<String> sentences) {
        float[] asked = embeddings.embed(question);
        List<float[]> vectors = embeddings.embedAll(sentences);
        double[] near = new double[sentences.size()];
        for (int i = 0; i < near.length; i++) {
            near[i] = cosine(asked, vectors.get(i));
        }
        return near;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** What a message says; relative dates in it ("yesterday", "next Monday") count from {@code today}. */
    Understood understand(String workspaceId, Mode mode, String message, LocalDate today) {
        return understood(classifier(workspaceId, mode), message, today);
    }

    /** What the classifier reads in a message, from memory when this text was read the same day by the same model. */
    Understood understood(IntentClassifier classifier, String message, LocalDate today) {
        return understood.get(new Asked(classifier, message, today), asked -> understand(classifier, message, today));
    }

    /** Forgets every text understood on this node (a customer's erasure: their messages are among them). */
    void forgetUnderstood() {
        understood.invalidateAll();
    }

    /**
     * The classifier for a workspace: the built-in one until it has intents of its own, then one trained on both.
     * A change is noticed within five seconds on every node; while the new model trains, the previous one answers.
     */
    IntentClassifier classifier(String workspaceId, Mode mode) {
        String key = workspaceId + ":" + mode.wire();
        String version = versions.get(key, k -> workspaceIntents.version(workspaceId, mode));
        if (version.startsWith("0:")) {
            return intents.join();
        }
        WorkspaceModel previous = workspaceModels.get(key);
        WorkspaceModel latest = workspaceModels.compute(
                key,
                (k, current) -> current != null && current.version().equals(version)
                        ? current
                        : new WorkspaceModel(version, CompletableFuture.supplyAsync(() -> train(workspaceId, mode))));
        boolean previousReady = previous != null && previous != latest && ready(previous.classifier());
        return orBuiltIn(previousReady && !latest.classifier().isDone() ? previous.classifier() : latest.classifier());
    }

    private static boolean ready(CompletableFuture<IntentClassifier> model) {
        return model.isDone() && !model.isCompletedExceptionally();
    }

    /** A model that failed to train leaves the workspace with the built-in intents, not with failing turns. */
    private IntentClassifier orBuiltIn(CompletableFuture<IntentClassifier> model) {
        try {
            return model.join();
        } catch (java.util.concurrent.CompletionException failed) {
            return intents.join();
        }
    }

    /** Forgets what this node knows of a workspace's intents, so the next message retrains at once. */
    void refresh(String workspaceId, Mode mode) {
        versions.invalidate(workspaceId + ":" + mode.wire());
    }

    private IntentClassifier train(String workspaceId, Mode mode) {
        List<LabelledText> examples = new java.util.ArrayList<>(BuiltInIntents.examples());
        for (WorkspaceIntents.Intent intent : workspaceIntents.all(workspaceId, mode)) {
            intent.examples().forEach(example -> examples.add(new LabelledText(example, intent.name())));
        }
        IntentClassifier builtIn = intents.join();
        return IntentClassifier.train(examples, embeddings)
                .withThreshold(builtIn.threshold())
                .withFamilyThresholds(builtIn.familyThresholds());
    }

    /** The language a text is written in: "uz", "ru" or "en" (the default). */
    String language(String text) {
        return languages.detect(text);
    }

    private Understood understand(IntentClassifier classifier, String message, LocalDate today) {
        String text = message.length() > MAX_CHARS ? message.substring(0, MAX_CHARS) : message;
        if (text.isBlank()) {
            return new Understood("other", 0, List.of(), "neutral", 0, "en", Entities.NONE);
        }
        String language = languages.detect(text);
        SentimentAnalyzer.Sentiment feeling = sentiment.join().analyze(text);
        String intent;
        double confidence;
        List<String> others = List.of();
        Optional<String> uzbekSmallTalk = language.equals("uz") ? uzbekSmallTalk(text) : Optional.empty();
        MessageIntents.Result asked = MessageIntents.of(classifier, text);
        // "Salom! Buyurtmam qayerda?" greets and asks: a request the classifier is sure of wins over the greeting
        boolean asksAsWell = !asked.primary().equals(IntentClassifier.OUT_OF_SCOPE)
                && !TurnDecision.SMALL_TALK.contains(asked.primary())
                && asked.confidence() >= 0.5;
        if (uzbekSmallTalk.isPresent() && !asksAsWell) {
            intent = uzbekSmallTalk.get();
            confidence = 0.9;
        } else {
            intent = asked.primary().equals(IntentClassifier.OUT_OF_SCOPE) ? "other" : asked.primary();
            confidence = asked.confidence();
            others = asked.others();
        }
        return new Understood(
                intent,
                confidence,
                others,
                feeling.label().id(),
                feeling.score(),
                language,
                entities.extract(text, today));
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
     * The built-in commerce intents with the out-of-scope threshold chosen offline on the development set: the model
     * stored in the jar when it was trained from these examples, otherwise trained here once on all of them.
     */
    static IntentClassifier builtInIntents(TextEmbeddings embeddings) {
        long started = System.nanoTime();
        Optional<IntentClassifier> stored = StoredModels.builtInIntents(embeddings);
        List<LabelledText> examples = stored.isPresent() ? List.of() : BuiltInIntents.examples();
        IntentClassifier classifier = stored.orElseGet(
                        () -> IntentClassifier.train(examples, embeddings, BuiltInIntents.SETTINGS))
                .withThreshold(BuiltInIntents.THRESHOLD)
                .withFamilyThresholds(BuiltInIntents.FAMILY_THRESHOLDS);
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (stored.isPresent()) {
            log.info("Loaded the built-in intents trained at build time in {} ms", millis);
        } else {
            log.info(
                    "Trained the built-in intents on {} examples in {} ms (the jar's were trained on others)",
                    examples.size(),
                    millis);
        }
        return classifier;
    }

    /** The sentiment analyzer stored in the jar when it was trained from its built-in examples; otherwise trained here. */
    static SentimentAnalyzer sentimentAnalyzer(TextEmbeddings embeddings) {
        return StoredModels.builtInSentiment(embeddings).orElseGet(() -> {
            log.info("Training the sentiment analyzer (the jar's model was trained on other examples)");
            return SentimentAnalyzer.standard(embeddings);
        });
    }
}
