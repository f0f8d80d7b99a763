package dev.parley.assistant.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.tenancy.StoreSettings.BrandVoice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes replies without a language model: small talk and handoffs from templates (English and Uzbek), answers
 * from the best retrieved passage, cut to the sentences that match the question, with its source named. It never
 * invents: what it says is either a template or the store's own words.
 */
final class OfflineAnswers {

    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9\"“(])|\\n+");
    private static final Set<String> STOPWORDS = Set.of(
            "a", "an", "the", "i", "my", "me", "you", "your", "is", "are", "do", "does", "can", "to", "of", "for", "in",
            "on", "and", "or", "it", "how", "what", "when", "where", "why", "will", "would", "be", "with", "if", "have",
            "has", "there", "this", "that", "we", "our", "us", "at", "from", "by", "about", "please", "get");

    /** How near in meaning each sentence is to the question, 0 to 1 (embeddings' cosine). */
    @FunctionalInterface
    interface Nearness {

        /** Meaning unknown: sentences are chosen by the words they share with the question alone. */
        Nearness WORDS_ONLY = (question, sentences) -> new double[sentences.size()];

        double[] of(String question, List<String> sentences);
    }

    /** A passage retrieved for the question. */
    record Passage(String title, String heading, String text, String url, double similarity) {}

    private OfflineAnswers() {}

    static String smallTalk(String intent, String language, BrandVoice voice, String customerName) {
        String name = address(voice, customerName);
        boolean uz = language.equals("uz");
        return switch (intent) {
            case "greeting" ->
                uz
                        ? "Salom" + name + "! Sizga qanday yordam bera olaman?"
                        : (formal(voice) ? "Hello" : "Hi") + name + "! How can I help you today?";
            case "thanks" ->
                uz
                        ? "Arzimaydi" + name + "! Yana biror narsada yordam bera olamanmi?"
                        : "You're welcome" + name + "! " + closing(voice);
            case "goodbye" ->
                uz
                        ? "Murojaatingiz uchun rahmat" + name + ". Kuningiz xayrli oʻtsin!"
                        : "Thanks for reaching out" + name + ". Have a great day!";
            default -> throw new IllegalArgumentException(intent);
        };
    }

    static String handedOff(String language, String backAt) {
        if (language.equals("uz")) {
            return backAt == null
                    ? "Sizni qoʻllab-quvvatlash jamoamiz bilan bogʻladim. Tez orada xodimimiz javob beradi."
                    : "Sizni qoʻllab-quvvatlash jamoamiz bilan bogʻladim. Hozir ish vaqtidan tashqari; jamoamiz "
                            + backAt + " qaytadi va sizga javob beradi.";
        }
        return backAt == null
                ? "I've connected you with our support team. A team member will be with you shortly."
                : "I've passed your conversation to our support team. They're away right now and will be back " + backAt
                        + "; they'll reply to you here then.";
    }

    /** The handoff told after words that already say the request went to a person: only when they reply. */
    static String teamWillReply(String language, String backAt) {
        if (language.equals("uz")) {
            return backAt == null
                    ? "Tez orada xodimimiz shu yerda javob beradi."
                    : "Jamoamiz hozir ish vaqtidan tashqarida; " + backAt + " qaytadi va shu yerda javob beradi.";
        }
        return backAt == null
                ? "A team member will be with you shortly."
                : "They're away right now and will be back " + backAt + "; they'll reply to you here then.";
    }

    private static final Pattern HANDED_OVER = Pattern.compile(
            "(?i)\\b(passed (your|the|this) (request|conversation|question) on|passed it on|connected you|(a|our) (member of"
                    + " our team|team member) will|jamoamiz|xodimimiz)\\b");

    /** Whether words said before a handoff already tell the customer a person will take it up. */
    static boolean saysHandedOver(String text) {
        return HANDED_OVER.matcher(text).find();
    }

    private static final Pattern APOLOGY = Pattern.compile("(?i)\\b(sorry|apolog\\w*|uzr)\\b");

    static boolean apologises(String text) {
        return APOLOGY.matcher(text).find();
    }

    static String unsure(String language) {
        return language.equals("uz")
                ? "Bu savolga aniq javob bera olmayman: yordam markazimizda bu haqda maʼlumot topmadim. Sizni jamoamiz"
                        + " aʼzosi bilan bogʻlashimni xohlaysizmi?"
                : "I'm not sure about that: I couldn't find an answer in our help centre. Would you like me to connect"
                        + " you with a member of our team?";
    }

    /** A message that says the customer needs help but not with what: "I have a problem", "help", "it's complicated". */
    private static final Pattern VAGUE = Pattern.compile(
            "(?i)^\\W*(?:(?:hi|hello|hey|um+|uh+|so|well|ok|please|pls)\\W+)*(?:i\\s+(?:have|got|need|have got)\\s+(?:a|an|some)?"
                    + "\\s*(?:problem|issue|question|help)|(?:i\\s+)?need\\s+(?:some\\s+)?help|help(?:\\s+me)?|can\\s+you\\s+help"
                    + "(?:\\s+me)?|something(?:'s|\\s+is)\\s+wrong|there(?:'s|\\s+is)\\s+(?:an?\\s+)?(?:problem|issue)|it'?s"
                    + "\\s+complicated|hm+|um+|uh+|\\?+|not\\s+sure|i\\s+don'?t\\s+know|idk)(?:\\W+(?:please|pls|thanks|with"
                    + "\\s+(?:something|my\\s+order|an\\s+order)))*\\W*$");

    /** Whether the message asks for help without saying with what. */
    static boolean vague(String message) {
        return VAGUE.matcher(message.strip()).matches();
    }

    private static final Pattern A_PROBLEM = Pattern.compile("(?i)\\b(problem|issue|wrong|complicated)\\b");

    /**
     * A question back when the assistant cannot tell what the customer needs (a vague message, or a second answer it
     * is unsure of): what would help, and a person if they would rather. {@code again} gives other words than the
     * first time, so the same reply never comes twice in a row.
     */
    static String clarify(String message, boolean again, String language) {
        boolean problem = A_PROBLEM.matcher(message).find();
        if (language.equals("uz")) {
            return again
                    ? "Kechirasiz, hali tushunmadim. Bu buyurtma, qaytarish yoki pulni qaytarish, mahsulot yoki boshqa"
                            + " narsa haqidami? Agar xohlasangiz, \"ha\" deb yozing, sizni jamoamiz aʼzosi bilan"
                            + " bogʻlayman."
                    : (problem ? "Buni eshitganimdan afsusdaman. " : "Albatta, yordam beraman. ")
                            + "Nima boʻlganini biroz batafsil aytib bera olasizmi? Buyurtma haqida boʻlsa, uning"
                            + " raqami yordam beradi. Xohlasangiz, sizni jamoamiz aʼzosi bilan bogʻlashim mumkin.";
        }
        return again
                ? "Sorry, I still don't quite follow. Is it about an order, a return or refund, a product, or something"
                        + " else? If you'd rather talk to a person, just say yes and I'll connect you."
                : (problem ? "I'm sorry to hear that. " : "Of course, I'm here to help. ")
                        + "Could you tell me a little more about what you need? If it's about an order, its number"
                        + " helps. I can also connect you with a member of our team if you'd rather.";
    }

    /** The customer said no to a person: the assistant stays with them. */
    static String stayWithThem(String language) {
        return language.equals("uz")
                ? "Yaxshi, men shu yerdaman. Sizga nima kerakligini biroz batafsil yozing: buyurtma haqida boʻlsa,"
                        + " uning raqami yordam beradi."
                : "All right, I'm here. Tell me a little more about what you need: if it's about an order, its number"
                        + " helps.";
    }

    /**
     * The message asked something else besides what was just answered: say so, so the customer knows it was not
     * ignored and can take it up next (the turn handles one request at a time).
     */
    static String alsoAsked(String intent, String language) {
        String topic = intent.replace('_', ' ');
        return language.equals("uz")
                ? "Xabaringizda yana bir savol bor (" + topic + "): keyingi navbatda shunga yordam beraman,"
                        + " davom ettirishni xohlaysizmi?"
                : "You also asked about " + topic + ": I'll help with that next. Shall we go on with it?";
    }

    /** A customer asked for a discount code and the knowledge has no promotion to tell them of. */
    /** Words that say something is sold or can be had, in English and Uzbek ("final sale" is not one). */
    private static final Pattern SOLD = Pattern.compile(
            "(?iu)\\b(sell|sells|selling|sold|buy|buying|bought|purchas\\w*|available|availability|in stock|carry|carries"
                    + "|sot\\w*|mavjud)\\b");

    /** Whether a help-centre sentence says that something is sold or can be had, not only that it exists. */
    static boolean saysWhatIsSold(String sentence) {
        return SOLD.matcher(sentence).find();
    }

    /** A catalogue question that neither the catalogue nor the help centre answers: said plainly, a person offered. */
    static String notSoldAsFarAsWeKnow(String language) {
        return language.equals("uz")
                ? "Buni mahsulotlarimiz orasida topa olmadim, yordam markazimizda ham uning sotilishi haqida maʼlumot"
                        + " yoʻq. Sizni jamoamiz aʼzosi bilan bogʻlashimni xohlaysizmi?"
                : "I couldn't find that among our products, and our help centre doesn't say whether we sell it. Would"
                        + " you like me to connect you with a member of our team?";
    }

    static String noCodesOnRequest(String language) {
        return language.equals("uz")
                ? "Kechirasiz, chegirma kodlarini soʻrov boʻyicha bera olmayman, hozir ulashadigan aksiya ham yoʻq."
                        + " Buyurtmangiz boʻyicha yordam bera olaman yoki sizni jamoamiz aʼzosi bilan bogʻlashim mumkin."
                : "I'm sorry, I can't give out discount codes on request, and I have no current promotion to share."
                        + " I can help with one of your orders, or connect you with a member of our team.";
    }

    /** An answer from the passages, best first: the matching sentences of the best one, and where it comes from. */
    static String fromPassages(
            String question,
            List<Passage> passages,
            Nearness nearness,
            BrandVoice voice,
            String customerName,
            String language) {
        Passage best = passages.getFirst();
        StringBuilder reply = new StringBuilder();
        String name = address(voice, customerName);
        if (!name.isEmpty()) {
            reply.append(formal(voice) ? "Hello" : "Hi").append(name).append("! ");
        }
        reply.append(relevantSentences(question, best.text(), nearness));
        reply.append("\n\n")
                .append(language.equals("uz") ? "Manba: " : "Source: ")
                .append(best.title());
        if (best.url() != null && !best.url().isBlank()) {
            reply.append(" (").append(best.url()).append(')');
        }
        if (passages.size() > 1) {
            Passage second = passages.get(1);
            if (!second.title().equals(best.title()) && second.similarity() >= best.similarity() - 0.05) {
                reply.append(language.equals("uz") ? "\nShuningdek qarang: " : "\nSee also: ")
                        .append(second.title());
            }
        }
        if (!language.equals("uz")) {
            reply.append("\n\n").append(closing(voice));
        }
        return reply.toString();
    }

    /** One ask of a message and the passage that answers it. */
    record Answered(String ask, Passage passage) {}

    /**
     * An answer to a message that asks several things, each from its own article, in the order asked: the sentences
     * of each passage that answer its ask (a sentence once), and every source named.
     */
    static String fromSeveral(
            List<Answered> answers, Nearness nearness, BrandVoice voice, String customerName, String language) {
        StringBuilder reply = new StringBuilder();
        String name = address(voice, customerName);
        if (!name.isEmpty()) {
            reply.append(formal(voice) ? "Hello" : "Hi").append(name).append("! ");
        }
        Set<String> said = new LinkedHashSet<>();
        Set<String> titles = new LinkedHashSet<>();
        for (Answered answered : answers) {
            String sentences =
                    relevantSentences(answered.ask(), answered.passage().text(), nearness);
            if (said.add(sentences)) {
                reply.append(said.size() > 1 ? "\n\n" : "").append(sentences);
            }
            titles.add(answered.passage().title());
        }
        reply.append("\n\n")
                .append(language.equals("uz") ? "Manbalar: " : "Sources: ")
                .append(String.join(", ", titles));
        if (!language.equals("uz")) {
            reply.append("\n\n").append(closing(voice));
        }
        return reply.toString();
    }

    /**
     * The passage's sentences that answer the question, in their own order: chosen by meaning, with the words they
     * share with the question as a tie-break; a passage's first or last piece that a chunk boundary cut mid-sentence
     * is left out, so the reply reads as whole sentences. Short passages are given whole.
     */
    static String relevantSentences(String question, String text, Nearness nearness) {
        List<String> sentences = wholeSentences(text.strip());
        String whole = String.join(" ", sentences);
        if (whole.length() <= 280) {
            return whole;
        }
        Set<String> wanted = words(question);
        double[] near = nearness.of(question, sentences);
        record Scored(int index, String sentence, double score) {}
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            Set<String> have = words(sentences.get(i));
            long overlap = have.stream().filter(wanted::contains).count();
            scored.add(new Scored(i, sentences.get(i), near[i] + 0.1 * overlap - i * 0.01));
        }
        List<Scored> ranked = scored.stream()
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .toList();
        double best = ranked.getFirst().score();
        // Sentences far below the best one are about something else the passage also covers.
        List<Scored> chosen = new ArrayList<>(ranked.stream()
                .limit(3)
                .filter(s -> s == ranked.getFirst() || s.score() >= best - MEANING_MARGIN)
                .toList());
        // A sentence that goes on about the one chosen ("It is open every day from 10 am to 7 pm." after the shop's
        // address) belongs with it: its "it" says nothing alone, so its meaning is rarely near the question by itself.
        for (Scored s : List.copyOf(chosen)) {
            int next = s.index() + 1;
            if (next < sentences.size()
                    && CONTINUES.matcher(sentences.get(next)).find()
                    && chosen.stream().noneMatch(c -> c.index() == next)) {
                chosen.add(scored.get(next));
            }
        }
        chosen.sort(Comparator.comparingInt(Scored::index));
        StringBuilder out = new StringBuilder();
        for (Scored s : chosen) {
            if (out.length() + s.sentence().length() > 600 && !out.isEmpty()) {
                break;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(s.sentence());
        }
        return out.toString();
    }

    /** A sentence that opens by pointing back at the one before it. */
    private static final Pattern CONTINUES = Pattern.compile("^(It|It's|Its|They|Their|This|These|That|Those)\\b");

    /** How far below the best sentence another may score and still be part of the answer. */
    private static final double MEANING_MARGIN = 0.3;

    /** The text's sentences, without a leading piece that starts mid-sentence or a trailing one that stops short. */
    static List<String> wholeSentences(String text) {
        return SENTENCES_OF.get(text, OfflineAnswers::cutIntoWholeSentences);
    }

    /** Passages come back turn after turn from the same help centre: each is cut into sentences once. */
    private static final Cache<String, List<String>> SENTENCES_OF =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private static List<String> cutIntoWholeSentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String piece : SENTENCE.split(HARD_WRAP.matcher(text).replaceAll(" "))) {
            if (!piece.isBlank()) {
                sentences.add(piece.strip());
            }
        }
        if (sentences.size() > 1 && Character.isLowerCase(sentences.getFirst().codePointAt(0))) {
            sentences.removeFirst();
        }
        if (sentences.size() > 1
                && !ENDS_A_SENTENCE.matcher(sentences.getLast()).find()) {
            sentences.removeLast();
        }
        return List.copyOf(sentences);
    }

    /**
     * A line break inside a sentence, as articles wrapped at a fixed width have ("our own gift\ncards"): between two
     * words, not after a sentence's end nor before a list item or a heading.
     */
    private static final Pattern HARD_WRAP =
            Pattern.compile("(?<=[\\p{L}\\p{N},;)])[ \\t]*\\n(?=[ \\t]*[\\p{L}\\p{N}(\"“$])");

    private static final Pattern ENDS_A_SENTENCE = Pattern.compile("[.!?:;)\"”']$");

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 1 && !STOPWORDS.contains(word)) {
                words.add(stem(word));
            }
        }
        return words;
    }

    private static String stem(String word) {
        for (String suffix : new String[] {"ing", "ed", "es", "s"}) {
            if (word.length() > suffix.length() + 3 && word.endsWith(suffix)) {
                return word.substring(0, word.length() - suffix.length());
            }
        }
        return word;
    }

    private static boolean formal(BrandVoice voice) {
        return voice.tone().equals("formal");
    }

    private static String closing(BrandVoice voice) {
        return formal(voice)
                ? "Please let me know if I can assist you further."
                : "Is there anything else I can help you with?";
    }

    /** ", John" or ", John Doe" or nothing, as the store's brand voice says. */
    static String address(BrandVoice voice, String customerName) {
        if (customerName == null || customerName.isBlank() || voice.nameUsage().equals("none")) {
            return "";
        }
        String name =
                voice.nameUsage().equals("first_name") ? customerName.strip().split("\\s+")[0] : customerName.strip();
        return " " + name;
    }
}
