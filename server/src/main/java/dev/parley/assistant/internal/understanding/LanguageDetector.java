package dev.parley.assistant.internal.understanding;

import java.util.Locale;
import java.util.Set;

/**
 * Tells English from Uzbek (Latin or Cyrillic script) and Russian, the languages Parley's offline replies speak or
 * are asked in most. Short or unclear messages count as English, the default.
 */
public final class LanguageDetector {

    private static final Set<String> UZBEK_WORDS = Set.of(
            "salom",
            "assalomu",
            "alaykum",
            "rahmat",
            "qanday",
            "qachon",
            "qayerda",
            "buyurtma",
            "buyurtmam",
            "yordam",
            "kerak",
            "iltimos",
            "menga",
            "mening",
            "nima",
            "bormi",
            "yoʻq",
            "yo'q",
            "ha",
            "xayr",
            "narxi",
            "qaytarish",
            "pul",
            "yetkazib",
            "berish",
            "kuni",
            "bugun",
            "ertaga",
            "uchun",
            "bilan",
            "emas",
            "edi",
            "qilib",
            "qila",
            "olaman",
            "bering",
            "kelmadi",
            "qancha",
            "sizga",
            "siz",
            "men",
            "va",
            "lekin");
    private static final Set<String> ENGLISH_WORDS = Set.of(
            "the", "is", "my", "where", "what", "how", "when", "order", "i", "you", "to", "and", "a", "of", "for",
            "can", "it", "not", "do", "please", "thanks", "hello", "hi", "help", "want", "return", "refund");

    /** An ISO 639-1 code: en, uz or ru. */
    public String detect(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int cyrillic = 0;
        int uzbekCyrillic = 0;
        for (char c : lower.toCharArray()) {
            if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                cyrillic++;
                if ("ўқғҳ".indexOf(c) >= 0) {
                    uzbekCyrillic++;
                }
            }
        }
        if (cyrillic > 3) {
            return uzbekCyrillic > 0 || lower.contains("салом") || lower.contains("рахмат") ? "uz" : "ru";
        }
        int uzbek = 0;
        int english = 0;
        for (String word : lower.split("[^\\p{L}'ʻ`]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (UZBEK_WORDS.contains(word)
                    || word.contains("oʻ")
                    || word.contains("gʻ")
                    || word.contains("o'")
                    || word.contains("g'")) {
                uzbek++;
            } else if (ENGLISH_WORDS.contains(word)) {
                english++;
            }
        }
        return uzbek > english ? "uz" : "en";
    }
}
