package dev.parley.assistant.internal.understanding;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs of feeling that a sentence embedding and n-grams read poorly in short customer messages: emoji, sarcasm
 * ("great, just great", "thanks for nothing"), praise through problem words ("no problems at all"), negated praise
 * ("not happy"), questions, shouting, repeated punctuation, profanity, questions asked to complain ("why...", "who
 * decided...") apart from requests for information ("can I...", "is there..."), and time told as having passed ("it's
 * 7:15", "that was 2 hours ago"), which turns a bare fact into a complaint; and who an outcome was good for: a thing
 * that came through ("got my refund", "the bag was waiting", "sorted in 5 minutes") against a problem that persists
 * ("still no refund", "yet again", "never arrived"), where the embedding reads "refund" or "bag" as a topic. Each is
 * one feature in [0, 1] that the sentiment model weighs like any other.
 */
final class SentimentCues {

    static final int COUNT = 16;

    private static final Pattern POSITIVE_EMOJI = Pattern.compile(
            "[\\x{1F600}-\\x{1F60D}\\x{1F617}-\\x{1F61A}\\x{1F642}\\x{1F917}\\x{1F929}\\x{1F970}\\x{1F973}\\x{1F44D}"
                    + "\\x{1F44C}\\x{1F64C}\\x{1F64F}\\x{1F44F}\\x{1F4AF}\\x{2764}\\x{1F499}\\x{1F49A}\\x{1F49B}"
                    + "\\x{1F49C}\\x{1F9E1}\\x{1F495}\\x{1F496}\\x{1F497}\\x{2728}\\x{1F389}\\x{1F38A}\\x{2B50}"
                    + "\\x{1F31F}\\x{263A}\\x{1F60E}]|:\\)|:-\\)|:D|<3");
    private static final Pattern NEGATIVE_EMOJI = Pattern.compile(
            "[\\x{1F644}\\x{1F612}\\x{1F44E}\\x{1F61E}\\x{1F615}\\x{1F629}\\x{1F62B}\\x{1F926}\\x{1F62C}\\x{1F480}"
                    + "\\x{1F622}\\x{1F62D}\\x{1F614}\\x{1F61F}\\x{2639}\\x{1F641}\\x{1F92E}\\x{1F922}\\x{1F611}"
                    + "\\x{1F610}\\x{1F937}\\x{1F494}]|:\\(|:-\\(");
    private static final Pattern ANGRY_EMOJI = Pattern.compile("[\\x{1F621}\\x{1F92C}\\x{1F624}\\x{1F620}\\x{1F4A2}]");
    private static final Pattern SARCASM = Pattern.compile("\\b(?:(?:great|perfect|brilliant|fantastic|lovely|wonderful"
            + "|amazing|excellent)[,.!]*\\s+just\\s+(?:great|perfect|brilliant|fantastic|lovely|wonderful|amazing)"
            + "|thanks\\s+for\\s+nothing|thanks\\s+a\\s+lot\\s+for\\s+(?:nothing|wasting|losing|ruining)|yeah\\s+right"
            + "|oh\\s+(?:great|good|brilliant|perfect|lovely|joy|wonderful|fantastic|nice)|so\\s+glad\\s+i\\s+pa(?:id|y)"
            + "|love\\s+(?:waiting|paying|being|how|that|it\\s+when|getting)|just\\s+what\\s+i\\s+needed"
            + "|what\\s+a\\s+(?:great|lovely|fantastic|wonderful)\\s+(?:start|way|surprise)|nice\\s+one|well\\s+done,"
            + "|real(?:ly)?\\s+(?:smooth|loving)|cheers\\s+for\\s+the\\s+(?:broken|late|wrong|missing)|(?:\\.\\.\\.|,)\\s*not"
            + "[.!]*$|if\\s+you\\s+(?:like|enjoy)|best\\s+\\w+\\s+ever,\\s+if|(?:great|amazing|stellar|top)\\s+"
            + "(?:job|service|work)\\s+(?:losing|leaving|sending|charging|cancel))");
    private static final Pattern PRAISE_THROUGH_PROBLEMS = Pattern.compile(
            "\\b(?:(?:no|zero|not\\s+a\\s+single|not\\s+one"
                    + "|without\\s+(?:a|any))\\s+(?:problems?|issues?|complaints?|trouble|hassle|hitch|faults?|regrets?)"
                    + "|never\\s+(?:had|have\\s+had)\\s+(?:a|an|any)\\s+(?:problem|issue|complaint|trouble)"
                    + "|(?:can't|cannot|couldn't)\\s+(?:fault|complain|be\\s+happier|recommend\\s+\\w+\\s+enough|ask\\s+for\\s+more)"
                    + "|not\\s+(?:bad|disappointed|a\\s+problem)|nothing\\s+to\\s+complain|didn't\\s+disappoint"
                    + "|no\\s+notes|problem\\s+solved|all\\s+sorted|(?:fixed|sorted|resolved)\\s+(?:it|in|within|first))\\b");
    private static final Pattern NEGATED_PRAISE = Pattern.compile("\\b(?:not|never|isn't|wasn't|aren't|weren't"
            + "|don't|doesn't|didn't|no\\s+longer|hardly)\\s+(?:very\\s+|really\\s+|so\\s+|too\\s+|at\\s+all\\s+)?"
            + "(?:happy|impressed|good|great|ideal|ok|okay|acceptable|satisfied|pleased|working|work|works|arrived"
            + "|received|fit|fits|helpful|what\\s+i\\s+(?:ordered|paid|expected))\\b");
    private static final Pattern QUESTION_START =
            Pattern.compile("^(?:@\\w+\\s+)*(?:hi|hey|hello|quick\\s+one)?[,!\\s-]*"
                    + "(?:how|what|when|where|which|who|why\\s+does\\s+my\\s+bill|can|could|do|does|is|are|will|would|should"
                    + "|may|if|any|wondering|just\\s+checking|question)\\b");
    /** A question asked to complain, not to learn something: "why...", "how is that ok", "who decided...". */
    private static final Pattern COMPLAINT_QUESTION =
            Pattern.compile("\\b(?:why|how\\s+come|how\\s+(?:is|was)\\s+(?:this|that|it)"
                    + "\\s+(?:ok|okay|acceptable|possible|fair|legal|allowed)|how\\s+(?:hard|difficult)\\s+(?:is|can)\\s+it"
                    + "|who\\s+(?:decided|thought|signed)|what(?:'s|\\s+is)\\s+the\\s+point|is\\s+any(?:one|body)\\s+(?:there|working|going|actually)"
                    + "|does\\s+any(?:one|body)\\s+(?:there\\s+)?(?:care|work|read)|are\\s+you\\s+(?:serious|kidding|joking)"
                    + "|since\\s+when|how\\s+(?:do|did|does|can|could)\\s+(?:you|u|they|an?\\s+airline)\\s+(?:lose|manage|expect|sell|get\\s+away)"
                    + "|how\\s+many\\s+(?:more\\s+)?times|what\\s+happened\\s+to)\\b");
    /** A plain request for information: "can I...", "do you...", "is there...", "how do I...". */
    private static final Pattern INFORMATION_REQUEST = Pattern.compile(
            "\\b(?:(?:can|could|may)\\s+(?:i|we|my)"
                    + "|do\\s+(?:you|i|we)\\s+(?:need|have|offer|fly|allow|sell|do|charge|know)|is\\s+there\\s+(?:a|an|any)"
                    + "|are\\s+there|what(?:'s|\\s+is|\\s+are)\\s+the\\s+(?:fee|cost|price|policy|limit|allowance|number|weight|cutoff|rules?|hours)"
                    + "|how\\s+(?:do|can|should)\\s+(?:i|we)|where\\s+(?:do|can|should)\\s+(?:i|we)|when\\s+(?:does|do|will|is|should)"
                    + "|any\\s+chance|will\\s+(?:there|i|my|the)|does\\s+(?:the|my|a|it|your)|what\\s+time|which\\s+(?:terminal|gate|airport))\\b");
    /** Time that has passed, told as a fact: "it's 7:15", "that was 3 hours ago", "booked in March. it's October". */
    private static final Pattern TIME_PASSED = Pattern.compile(
            "\\b(?:(?:it's|its|it\\s+is|now)\\s+(?:\\d{1,2}(?::\\d\\d)?\\s*(?:am|pm)?"
                    + "|midnight|noon|january|february|march|april|may|june|july|august|september|october|november|december"
                    + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday|day\\s+\\d+|been)"
                    + "|(?:that|this)\\s+was\\s+[\\w\\s]{1,20}ago|day\\s+(?:\\d+|two|three|four|five)\\b|\\d+(?:st|nd|rd|th)\\s+(?:time|day|week|call))");
    /** An outcome that went the customer's way: "got my refund back", "the bag was waiting", "sorted in 5 min". */
    private static final Pattern GOOD_OUTCOME =
            Pattern.compile("\\b(?:(?:got|received|getting|have|had)\\s+(?:my|the|our|a\\s+full)\\s+(?:\\w+\\s+)?"
                    + "(?:refund|money|bags?|luggage|suitcase|miles|points|deposit|parcel|order)(?:\\s+back)?(?!\\s+(?:yet|at\\s+all))"
                    + "|(?:refund|money|bags?|luggage|suitcase|parcel|package|order|replacement|card|miles|credit)\\s+(?:\\w+\\s+)?"
                    + "(?:arrived|showed\\s+up|landed|came\\s+(?:back|through|in)|turned\\s+up|was\\s+(?:waiting|already|back)"
                    + "|is\\s+back|hit\\s+my|was\\s+in\\s+my|went\\s+through)"
                    + "|(?:sorted|fixed|resolved|solved|done|refunded|rebooked|replaced|delivered)\\s+(?:it\\s+)?"
                    + "(?:in|within|by|before|overnight|same\\s+day|the\\s+same)"
                    + "|ahead\\s+of\\s+schedule|early\\b|before\\s+(?:i|we)\\s+(?:even|had|asked|noticed)"
                    + "|without\\s+(?:me\\s+)?(?:even\\s+)?asking|went\\s+(?:out\\s+of|above)|saved\\s+(?:me|us|my|the)|as\\s+promised"
                    + "|on\\s+time|right\\s+on\\s+schedule|in\\s+no\\s+time|no\\s+questions\\s+asked)");
    /** A problem that persists or comes back: "still no refund", "yet again", "never arrived", "nobody came". */
    private static final Pattern PERSISTING_PROBLEM = Pattern.compile(
            "\\b(?:still\\s+(?:no|not|nothing|waiting|haven't|hasn't|isn't|can't|don't|doesn't|stuck|at|on|sat|sitting"
                    + "|showing|says|shows)|yet\\s+again|(?:once|over)\\s+again|again\\?"
                    + "|not\\s+(?:even\\s+)?(?:a|one)\\s+(?:reply|word|call|email|update|apology)"
                    + "|no\\s+(?:refund|reply|response|answer|update|bag|driver|show|sign|one|call|apology|compensation"
                    + "|explanation)\\b|never\\s+(?:came|arrived|showed|got|received|worked|turned|called|replied|answered)"
                    + "|(?:it|they|he|she)\\s+(?:wasn't|weren't|didn't|hasn't|haven't|isn't|aren't)[.!]*$"
                    + "|nobody\\s+(?:came|called|showed|answered|knows|told))");

    private static final Pattern PROFANITY = Pattern.compile("\\b(?:wtf|ffs|omfg|fml|damn|dammit|hell|bloody|shit\\w*"
            + "|crap|crappy|bs|bullshit|f+u+c+k\\w*|f\\*+\\w*|piss\\w*|arse|ass|sucks?)\\b");
    private static final Pattern REPEATED_PUNCTUATION = Pattern.compile("[!?]{2,}");
    private static final Pattern EXCLAMATION = Pattern.compile("!");

    private SentimentCues() {}

    /** The cue features of a text, in a fixed order. */
    static float[] of(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        float[] cues = new float[COUNT];
        cues[0] = capped(count(POSITIVE_EMOJI, text), 3);
        cues[1] = capped(count(NEGATIVE_EMOJI, text), 3);
        cues[2] = capped(count(ANGRY_EMOJI, text), 3);
        cues[3] = SARCASM.matcher(lower).find() ? 1 : 0;
        cues[4] = PRAISE_THROUGH_PROBLEMS.matcher(lower).find() ? 1 : 0;
        cues[5] = NEGATED_PRAISE.matcher(lower).find() ? 1 : 0;
        cues[6] = lower.strip().endsWith("?")
                        || QUESTION_START.matcher(lower.strip()).find()
                ? 1
                : 0;
        cues[7] = REPEATED_PUNCTUATION.matcher(text).find() ? 1 : 0;
        cues[8] = FrustrationCues.shouts(text) ? 1 : 0;
        cues[9] = PROFANITY.matcher(lower).find() ? 1 : 0;
        cues[10] = capped(count(EXCLAMATION, text), 3);
        boolean complaintQuestion = COMPLAINT_QUESTION.matcher(lower).find();
        cues[11] = complaintQuestion ? 1 : 0;
        cues[12] = !complaintQuestion && INFORMATION_REQUEST.matcher(lower).find() ? 1 : 0;
        cues[13] = TIME_PASSED.matcher(lower).find() ? 1 : 0;
        cues[14] = GOOD_OUTCOME.matcher(lower).find() ? 1 : 0;
        cues[15] = PERSISTING_PROBLEM.matcher(lower).find() ? 1 : 0;
        return cues;
    }

    static boolean profane(String text) {
        return PROFANITY.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    static boolean angryEmoji(String text) {
        return ANGRY_EMOJI.matcher(text).find();
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static float capped(int count, int cap) {
        return Math.min(count, cap) / (float) cap;
    }
}
