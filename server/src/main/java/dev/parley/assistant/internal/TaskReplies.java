package dev.parley.assistant.internal;

import dev.parley.assistant.ConversationMemory.Confirmation;
import dev.parley.assistant.ConversationMemory.Task;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the assistant says while it works on a task: the question for a missing slot (in a few wordings, so the same
 * words never come twice in a row), the action it is about to take for the customer's yes, and what it says when the
 * customer declines or is upset. Whole sentences from templates, English and Uzbek.
 */
final class TaskReplies {

    private TaskReplies() {}

    /** The question for the slot, in the first wording that is not {@code lastQuestion}. */
    static String ask(String slot, Task task, String language, String lastQuestion) {
        List<String> wordings = wordings(slot, order(task), language.equals("uz"));
        return wordings.stream()
                .filter(w -> !w.equals(lastQuestion))
                .findFirst()
                .orElse(wordings.getFirst());
    }

    private static List<String> wordings(String slot, String order, boolean uz) {
        String theOrder = order == null
                ? (uz ? "buyurtmangiz" : "your order")
                : (uz ? "#" + order + " buyurtma" : "order #" + order);
        return switch (slot) {
            case TaskFlows.ORDER_NUMBER ->
                uz
                        ? List.of(
                                "Buyurtma raqamingizni ayta olasizmi? U buyurtma tasdiqlangan xatda bor.",
                                "Qaysi buyurtma haqida gapiryapmiz? Raqamini tasdiqlash xatidan topasiz.")
                        : List.of(
                                "Could you tell me your order number? You'll find it in your order confirmation email.",
                                "Which order is it? The order number is in the confirmation email we sent you.",
                                "I still need the order number to go on. It's in your order confirmation email.");
            case TaskFlows.EMAIL ->
                uz
                        ? List.of(
                                "Maʼlumotlaringiz xavfsizligi uchun " + theOrder
                                        + " uchun qaysi elektron pochtadan foydalanganingizni ayting.",
                                theOrder + " sizniki ekanini tasdiqlash uchun buyurtmadagi elektron pochta manzili"
                                        + " kerak.")
                        : List.of(
                                "I can help with " + theOrder + ". To keep your details safe, please tell me the email"
                                        + " address you used when you placed it.",
                                "Could you tell me the email address on " + theOrder
                                        + "? I need it to make sure the order is yours.",
                                "To go on, I need the email address you used for " + theOrder + ".");
            case TaskFlows.ADDRESS ->
                uz
                        ? List.of(
                                theOrder + " uchun yangi yetkazib berish manzili qanday? Koʻcha, shahar, pochta"
                                        + " indeksi va mamlakatni yozing.",
                                "Yangi manzilni toʻliq yozing: koʻcha, shahar, pochta indeksi va mamlakat.")
                        : List.of(
                                "What's the new shipping address for " + theOrder
                                        + "? Please include the street, city, postal code and country.",
                                "Please write the full new address: street, city, postal code and country.",
                                "I still need the complete new address, with the city, postal code and country.");
            default -> throw new IllegalArgumentException(slot);
        };
    }

    /** The action stated for the customer's yes: what, which order, how much, where to. */
    static String confirm(Confirmation action, String language) {
        boolean uz = language.equals("uz");
        Map<String, String> a = action.arguments();
        String order = "#" + a.get(TaskFlows.ORDER_NUMBER);
        String what = switch (action.task()) {
            case "refund" ->
                uz
                        ? order + " buyurtma uchun "
                                + (a.containsKey(TaskFlows.AMOUNT)
                                        ? amount(a.get(TaskFlows.AMOUNT))
                                        : "qolgan butun summani")
                                + " toʻlov qilingan kartangizga qaytaraman"
                        : "I'll refund "
                                + (a.containsKey(TaskFlows.AMOUNT)
                                        ? amount(a.get(TaskFlows.AMOUNT)) + " of order " + order
                                        : "the full amount left on order " + order)
                                + " to your original payment method";
            case "return" ->
                uz
                        ? order + " buyurtmani qaytarishni boshlayman va qaytarish yorligʻini beraman"
                        : "I'll start a return for order " + order + " and give you a return label";
            case "exchange" ->
                uz
                        ? order + " buyurtmani almashtirish uchun qaytarishni boshlayman"
                        : "I'll start a return of order " + order + " so you can exchange it ("
                                + a.getOrDefault("reason", "another size").toLowerCase(java.util.Locale.ROOT) + ")";
            case "cancel" -> uz ? order + " buyurtmani bekor qilaman" : "I'll cancel order " + order;
            case "change_address" ->
                uz
                        ? order + " buyurtmani " + address(a) + " manziliga joʻnatilishini oʻzgartiraman"
                        : "I'll change the shipping address of order " + order + " to " + address(a);
            default -> uz ? order + " buyurtma boʻyicha " + action.tool() : action.tool() + " for order " + order;
        };
        return uz
                ? "Tasdiqlang: " + what + ". Davom etaymi? Iltimos, ha yoki yoʻq deb javob bering."
                : "Just to confirm: " + what + ". Shall I go ahead? Please reply yes or no.";
    }

    /** The customer did not say yes: nothing was done. */
    static String declined(Confirmation action, String language) {
        String order = "#" + action.arguments().get(TaskFlows.ORDER_NUMBER);
        return language.equals("uz")
                ? "Yaxshi, " + order
                        + " buyurtmada hech narsani oʻzgartirmadim. Yana biror narsada yordam bera olamanmi?"
                : "All right, I haven't changed anything on order " + order + ". Is there anything else I can help"
                        + " you with?";
    }

    /** Said before answering something else: the action waiting for a yes was not done. */
    static String leftAsIs(Confirmation action, String language) {
        String order = "#" + action.arguments().get(TaskFlows.ORDER_NUMBER);
        return language.equals("uz")
                ? order + " buyurtmani oʻzgartirmadim."
                : "I've left order " + order + " as it was.";
    }

    /**
     * The customer is upset while a task waits for something from them: an apology, what happens as soon as they give
     * it, and a person if they would rather.
     */
    static String reassure(String slot, Task task, String language) {
        String order = order(task);
        boolean uz = language.equals("uz");
        String need = switch (slot) {
            case TaskFlows.ORDER_NUMBER -> uz ? "buyurtma raqamini" : "your order number";
            case TaskFlows.EMAIL -> uz ? "buyurtmadagi elektron pochta manzilini" : "the email address on the order";
            default -> uz ? "yangi manzilni" : "the complete new address";
        };
        String doing = switch (task.name()) {
            case "order_status", "track_order" ->
                uz
                        ? "buyurtma hozir qayerdaligini tekshiraman"
                        : "check exactly where " + (order == null ? "it" : "order #" + order) + " is right now";
            case "change_address" -> uz ? "manzilni oʻzgartiraman" : "update the address";
            default -> uz ? "bu ishni hal qilaman" : "sort this out for you";
        };
        return uz
                ? "Noqulaylik uchun uzr soʻrayman, sizni tushunaman. " + capitalised(need) + " yozishingiz bilan "
                        + doing + ". Agar xohlasangiz, sizni jamoamiz aʼzosi bilan bogʻlayman."
                : "I'm sorry about this, and I understand how frustrating it is. As soon as you send me " + need
                        + ", I'll " + doing + ". If you'd rather talk to a person, just say so and I'll connect you.";
    }

    /** The words with their first letter a capital, as a sentence opens. */
    private static String capitalised(String words) {
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** Before a handoff the customer asked for after the assistant tried: it could not do it itself. */
    static String couldNotHelp(String language) {
        return language.equals("uz")
                ? "Buni oʻzim hal qila olmaganim uchun uzr."
                : "Sorry I couldn't sort that out for you myself.";
    }

    /** Compensation is not the assistant's to give: the request goes to a person. */
    static String compensationPassedOn(String language) {
        return language.equals("uz")
                ? "Kompensatsiya haqida oʻzim qaror qila olmayman, shuning uchun soʻrovingizni jamoamizga topshirdim."
                : "I can't decide on compensation myself, so I've passed your request on to our team.";
    }

    /** An apology before an answer to an upset customer. */
    /** The first sentence of a text: up to its first full stop, question or exclamation mark followed by a space. */
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.+?[.!?])(?:\\s+|$)(.*)$", Pattern.DOTALL);

    /**
     * A reply that makes up for a problem with an order: the apology first, as a good agent says it, then what was
     * looked up (without a second apology of its own, "I'm sorry for the wait."), then the offer. {@code recovery} is
     * the recovery tool's answer, whose first sentence is the apology ("I'm sorry that order #1001 is running late.
     * As an apology, here is ...").
     */
    static String apologyFirst(String answer, String recovery) {
        Matcher parts = FIRST_SENTENCE.matcher(recovery.strip());
        if (!parts.matches() || !OfflineAnswers.apologises(parts.group(1))) {
            return answer + "\n\n" + recovery;
        }
        String offer = parts.group(2).strip();
        return parts.group(1) + " " + withoutLeadingApology(answer) + (offer.isEmpty() ? "" : "\n\n" + offer);
    }

    /** Whether a reply opens by saying sorry, so that another apology before it would say it twice. */
    static boolean opensWithApology(String reply) {
        Matcher parts = FIRST_SENTENCE.matcher(reply.strip());
        return parts.matches() && OfflineAnswers.apologises(parts.group(1));
    }

    private static String withoutLeadingApology(String answer) {
        Matcher parts = FIRST_SENTENCE.matcher(answer.strip());
        return parts.matches()
                        && OfflineAnswers.apologises(parts.group(1))
                        && !parts.group(2).isBlank()
                ? parts.group(2)
                : answer;
    }

    static String apology(String language) {
        return language.equals("uz")
                ? "Noqulaylik uchun uzr soʻrayman."
                : "I'm sorry about the trouble, and I understand the frustration.";
    }

    /**
     * A damaged or wrong item, once the order is known to be theirs: an apology, the store's own policy when its help
     * centre states one, and the remedies to choose from (each then stated for a yes, as any return or refund is).
     */
    static String problem(String order, String problem, String policy, String language) {
        boolean wrong = "wrong_item".equals(problem);
        if (language.equals("uz")) {
            return "Kechirasiz, #" + order
                    + (wrong ? " buyurtmada notoʻgʻri mahsulot keldi." : " buyurtma shikastlangan" + " holda keldi.")
                    + (policy == null ? "" : " " + policy) + " Mahsulotni almashtirishni yoki pulni"
                    + " qaytarishni boshlashim mumkin: qaysi birini xohlaysiz?";
        }
        return "I'm sorry that order #" + order + (wrong ? " came with the wrong item." : " arrived damaged.")
                + (policy == null ? "" : " " + policy)
                + " I can start a return so that we replace the item, or refund it: which would you prefer?";
    }

    /** Coming back to a task the customer switched away from. */
    static String backTo(Task task, String language) {
        String topic = topic(task.name(), language);
        return language.equals("uz") ? "Endi " + topic + " masalasiga qaytsak." : "Now, back to your " + topic + ".";
    }

    static String topic(String task, String language) {
        boolean uz = language.equals("uz");
        return switch (task) {
            case "refund" -> uz ? "pulni qaytarish" : "refund";
            case "return" -> uz ? "qaytarish" : "return";
            case "exchange" -> uz ? "almashtirish" : "exchange";
            case "cancel" -> uz ? "bekor qilish" : "cancellation";
            case "change_address" -> uz ? "manzilni oʻzgartirish" : "address change";
            case "product_search" -> uz ? "mahsulot qidiruvi" : "product search";
            case "report_problem" -> uz ? "buyurtmadagi muammo" : "problem with the order";
            case "missing_parcel" -> uz ? "yetib kelmagan buyurtma" : "missing parcel";
            default -> uz ? "buyurtma holati" : "order";
        };
    }

    /** An amount as money is written: two decimals. */
    private static String amount(String value) {
        try {
            return new java.math.BigDecimal(value)
                    .setScale(2, java.math.RoundingMode.HALF_UP)
                    .toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static String order(Task task) {
        return task.slots().get(TaskFlows.ORDER_NUMBER);
    }

    private static String address(Map<String, String> a) {
        StringBuilder line = new StringBuilder(a.getOrDefault("address1", ""));
        for (String part : List.of("address2", "city")) {
            if (a.get(part) != null) {
                line.append(", ").append(a.get(part));
            }
        }
        String region = (a.getOrDefault("province", "") + " " + a.getOrDefault("zip", "")).strip();
        if (!region.isEmpty()) {
            line.append(a.get("city") == null ? ", " : " ").append(region);
        }
        if (a.get("country") != null) {
            line.append(", ").append(a.get("country"));
        }
        return line.toString();
    }
}
