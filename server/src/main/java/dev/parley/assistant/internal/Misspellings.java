package dev.parley.assistant.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a support request turns on, spelt right where the customer slipped by one letter ("cancle my ordr",
 * "wher is my pakage", "chnage my adress"), so the intent, the order number after "order" and the task's own words are
 * read as meant. Only these few words are corrected, only from a word one letter away (a letter missing, extra,
 * changed or two swapped), and never from a real word that happens to be that close ("were", "border", "cancer").
 * Email addresses and links are left as they are.
 */
final class Misspellings {

    /** The words corrected to, longest forms first where two are equally near ("deliverd": delivered). */
    private static final List<String> WORDS = List.of(
            "order",
            "orders",
            "where",
            "package",
            "parcel",
            "cancel",
            "refund",
            "return",
            "exchange",
            "address",
            "delivered",
            "delivery",
            "deliver",
            "change",
            "status",
            "tracking",
            "shipping",
            "shipped",
            "arrived",
            "arrive",
            "received",
            "receive",
            "email",
            "money");

    /** Real words one letter from one of {@link #WORDS}: never "corrected". */
    private static final Set<String> REAL = Set.of(
            "were",
            "here",
            "there",
            "whee",
            "whore",
            "border",
            "older",
            "odder",
            "ordered",
            "cancer",
            "cancels",
            "chance",
            "charge",
            "changed",
            "changes",
            "chant",
            "statue",
            "stats",
            "shopping",
            "skipping",
            "slipping",
            "chipping",
            "whipping",
            "shopped",
            "skipped",
            "slipped",
            "chipped",
            "whipped",
            "tracing",
            "trucking",
            "cracking",
            "monkey",
            "honey",
            "mone",
            "parcels",
            "marcel",
            "packages",
            "packaged",
            "returns",
            "refunds",
            "exchanges",
            "addresses",
            "delivers",
            "arrives",
            "receives",
            "receiver",
            "deceive",
            "deceived",
            "emails",
            "ardor",
            "ore",
            "chang");

    /** A word of letters that is no part of an email address or a link. */
    private static final Pattern WORD = Pattern.compile("(?<![@\\w./-])\\p{L}{4,}(?![@\\w]|\\.\\w|/)");

    private Misspellings() {}

    /** The message with the request's words spelt right; the message itself when nothing needs it. */
    static String corrected(String message) {
        Matcher word = WORD.matcher(message);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        while (word.find()) {
            String said = word.group();
            String right = correction(said.toLowerCase(Locale.ROOT));
            if (right == null) {
                word.appendReplacement(out, Matcher.quoteReplacement(said));
                continue;
            }
            changed = true;
            word.appendReplacement(out, Matcher.quoteReplacement(inCaseOf(said, right)));
        }
        if (!changed) {
            return message;
        }
        word.appendTail(out);
        return out.toString();
    }

    /** The word meant, or {@code null} when the word is fine as it is or is no near miss of one of ours. */
    static String correction(String word) {
        if (WORDS.contains(word) || REAL.contains(word)) {
            return null;
        }
        for (String right : WORDS) {
            if (oneEditApart(word, right)) {
                return right;
            }
        }
        return null;
    }

    /** One letter missing, extra or changed, or two neighbours swapped. */
    static boolean oneEditApart(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == la && i == lb) {
            return false;
        }
        if (la == lb) {
            if (a.substring(i + 1).equals(b.substring(i + 1))) {
                return true;
            }
            return i + 1 < la
                    && a.charAt(i) == b.charAt(i + 1)
                    && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        return la > lb
                ? a.substring(i + 1).equals(b.substring(i))
                : a.substring(i).equals(b.substring(i + 1));
    }

    private static String inCaseOf(String said, String right) {
        if (said.equals(said.toUpperCase(Locale.ROOT))) {
            return right.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(said.charAt(0))) {
            return Character.toUpperCase(right.charAt(0)) + right.substring(1);
        }
        return right;
    }
}
