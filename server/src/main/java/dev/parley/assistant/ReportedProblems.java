package dev.parley.assistant;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A problem with a delivered order that a message (or a tool's {@code reason} argument) reports: {@code damaged} or
 * {@code wrong_item}, the values of {@link ToolInvocation#REPORTED_PROBLEM}. It is the customer's word, so the store
 * tools weigh it against the order's own data (it must have been delivered).
 */
public final class ReportedProblems {

    private static final Pattern DAMAGED = Pattern.compile(
            "\\b(damaged|broken|broke|cracked|smashed|shattered|dented|crushed|torn|ripped|holes?|defective|faulty"
                    + "|(doesn't|does not|don't|won't) work|not working|stopped working|dead on arrival"
                    + "|singan|buzilgan|shikastlangan|yirtilgan|ishlamayapti)\\b");
    private static final Pattern WRONG_ITEM = Pattern.compile("\\b(wrong (item|items|size|colou?r|product|model|pair"
            + "|shoes?|one|thing|order|parcel|package)|not what i ordered|isn't what i ordered|sent me the wrong"
            + "|(a|the) different (item|product|size|colou?r) than|noto'g'ri (mahsulot|tovar|o'lcham|rang))\\b");

    private static final Pattern APOSTROPHES = Pattern.compile("[’ʻʼ`‘]");

    private ReportedProblems() {}

    public static Optional<String> in(String message) {
        String text = APOSTROPHES.matcher(message.toLowerCase(Locale.ROOT)).replaceAll("'");
        if (DAMAGED.matcher(text).find()) {
            return Optional.of("damaged");
        }
        if (WRONG_ITEM.matcher(text).find()) {
            return Optional.of("wrong_item");
        }
        return Optional.empty();
    }
}
