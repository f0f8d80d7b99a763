package dev.parley.assistant.internal.understanding;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message as posted at a company on social media, reduced to what tells how its writer feels: the @handles,
 * links, retweet marks and HTML entities that public posts carry say nothing about it, and a hashtag is read as its
 * words ("#NeverAgain" as "Never Again"). Without this the sentence embedding spends its attention on a company's
 * handle, and n-grams learn handles and link codes instead of words.
 */
final class PostedText {

    private static final Pattern LINK = Pattern.compile("\\b(?:https?://|www\\.)\\S+", Pattern.CASE_INSENSITIVE);
    private static final Pattern RETWEET = Pattern.compile("^\\s*RT\\b:?", Pattern.CASE_INSENSITIVE);
    /** A handle (with the colon of "RT @name:"), not the "@" of an e-mail address, which follows a letter or digit. */
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}_.])@\\w+:?");

    private static final Pattern HASHTAG = Pattern.compile("#(\\p{L}[\\p{L}\\p{N}_]*)");
    private static final Pattern CAMEL_CASE = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");
    /** A letter written three times or more ("sooo", "noooo"): twice keeps "good" and "too" apart from "god", "to". */
    private static final Pattern ELONGATED = Pattern.compile("(\\p{L})\\1{2,}");
    /**
     * Posts that went through a careless find-and-replace of "late" and "cancelled" by "Late Flight" and "Cancelled
     * Flight" read "Cancelled Flightled" or "Late Flightr"; the words meant are put back.
     */
    private static final Pattern REPLACED_CANCELLED =
            Pattern.compile("\\bCancell?ed Flight(?:led|ed|ation|ations|s)?\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern REPLACED_LATE = Pattern.compile("\\bLate Flight(r|st)?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private PostedText() {}

    /** The words of a posted message, without handles, links and retweet marks; emoji and punctuation stay. */
    static String plain(String text) {
        String plain = RETWEET.matcher(text).replaceFirst("");
        plain = LINK.matcher(plain).replaceAll(" ");
        plain = HANDLE.matcher(plain).replaceAll(" ");
        plain = plain.replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'");
        plain = hashtagWords(plain);
        plain = REPLACED_CANCELLED.matcher(plain).replaceAll("cancelled");
        plain = REPLACED_LATE.matcher(plain).replaceAll(m -> m.group(1) == null ? "late" : "late" + m.group(1));
        plain = ELONGATED.matcher(plain).replaceAll("$1$1");
        plain = SPACES.matcher(plain).replaceAll(" ").strip();
        // A post that was only a handle or a link keeps its text: an empty message reads as nothing at all.
        return plain.isEmpty() ? text.strip() : plain;
    }

    private static String hashtagWords(String text) {
        Matcher tag = HASHTAG.matcher(text);
        StringBuilder out = new StringBuilder();
        while (tag.find()) {
            String words = CAMEL_CASE.matcher(tag.group(1)).replaceAll(" ").replace('_', ' ');
            tag.appendReplacement(out, Matcher.quoteReplacement(words));
        }
        tag.appendTail(out);
        return out.toString();
    }
}
