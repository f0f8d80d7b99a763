package dev.parley.assistant.internal.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs that a customer is not just unhappy but running out of patience. */
final class FrustrationCues {

    private static final Pattern REPEATED_PUNCTUATION = Pattern.compile("[!?]{2,}");
    private static final Pattern SHOUTED_WORD = Pattern.compile("\\b\\p{Lu}{3,}\\b");
    private static final Set<String> ACRONYMS = Set.of(
            "ASAP", "USPS", "UPS", "DHL", "FEDEX", "FAQ", "SKU", "PDF", "USA", "USB", "GPS", "LED", "ETA", "API", "URL",
            "CEO", "EUR", "USD", "GBP", "XXL", "XXXL", "RMA", "PIN", "SMS", "TV", "OK");
    private static final Pattern PHRASES = Pattern.compile(
            "\\b(still|again|waiting|waited|ridiculous|unacceptable|(second|third|fourth|fifth|\\d+(st|nd|rd|th)) time"
                    + "|how many times|every time|keep (getting|telling|asking|saying)|fed up|sick (and tired )?of"
                    + "|nobody|no one (has )?(answer|repl|respond|help)|ignor(ed|ing)|seriously|a joke|worst|never again"
                    + "|cancel (my|the) (account|subscription|membership)|take my (business|money) elsewhere"
                    + "|(shop|order|buy)(ping)? (somewhere|elsewhere)|never (shop|order|buy)|chargeback|dispute|lawyer"
                    + "|report (you|this)|scam|useless|pathetic|absurd|already (asked|told|explained|sent|called|wrote)"
                    + "|(days|weeks) (ago|now|later)|for (days|weeks|ages)|last (chance|time)|enough is enough"
                    + "|what is going on|are you kidding|do your job|just give me|immediately|right now)\\b");

    /**
     * Three-letter words that are shouted when written in capitals; any other three capitals are more likely a code
     * (an airport such as JFK or LHR, a currency, a company) than a raised voice.
     */
    private static final Set<String> SHOUTED_SHORT_WORDS = Set.of(
            "THE", "AND", "YOU", "WHY", "NOT", "ARE", "WAS", "FOR", "HOW", "NOW", "ANY", "GET", "OUT", "ONE", "TWO",
            "ALL", "HAS", "HAD", "BUT", "OFF", "YET", "WHO", "CAN", "DID", "BAG", "MAD", "SAD", "BAD", "YES", "WOW");

    private FrustrationCues() {}

    /** Two or more words in capitals (not acronyms or codes), or a message mostly in capitals. */
    static boolean shouts(String text) {
        Matcher shouted = SHOUTED_WORD.matcher(text);
        int shoutedWords = 0;
        while (shouted.find()) {
            String word = shouted.group();
            boolean code = ACRONYMS.contains(word) || (word.length() == 3 && !SHOUTED_SHORT_WORDS.contains(word));
            shoutedWords += code ? 0 : 1;
        }
        long letters = text.chars().filter(Character::isLetter).count();
        long upper = text.chars().filter(Character::isUpperCase).count();
        return shoutedWords >= 2 || (letters >= 12 && upper > letters * 0.6);
    }

    static List<String> find(String text) {
        List<String> cues = new ArrayList<>();
        if (REPEATED_PUNCTUATION.matcher(text).find()) {
            cues.add("repeated punctuation");
        }
        if (shouts(text)) {
            cues.add("capitals");
        }
        if (SentimentCues.profane(text)) {
            cues.add("profanity");
        }
        if (SentimentCues.angryEmoji(text)) {
            cues.add("angry emoji");
        }
        Matcher phrases = PHRASES.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (phrases.find()) {
            cues.add(phrases.group());
        }
        return cues;
    }
}
