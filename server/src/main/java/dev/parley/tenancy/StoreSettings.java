package dev.parley.tenancy;

import dev.parley.platform.ApiException;
import dev.parley.platform.EmailAddresses;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A store's policy and preferences (seed 001), validated on construction. The assistant acts within these: refunds
 * only when enabled and up to {@link #autoRefundLimit()}, returns inside {@link #returnWindowDays()}, a human when
 * confidence falls under {@link #escalationConfidenceThreshold()} or outside {@link #workingHours()}, a discount code
 * only as {@link #discountPolicy()} allows.
 *
 * @param assignmentStrategy how an escalated conversation finds an agent: {@code round_robin} (default),
 *     {@code least_loaded} or {@code manual}
 * @param retentionDays how long conversations are kept after their last activity before their personal data is
 *     erased (1 to 3650 days); {@code null} keeps them until a customer asks for erasure
 * @param discountPolicy when the assistant may give a discount code: {@code service_recovery} (default) or
 *     {@code never}
 */
public record StoreSettings(
        BigDecimal autoRefundLimit,
        boolean autoRefundEnabled,
        int returnWindowDays,
        double escalationConfidenceThreshold,
        WorkingHours workingHours,
        BrandVoice brandVoice,
        Notifications notifications,
        String assignmentStrategy,
        Integer retentionDays,
        DiscountPolicy discountPolicy) {

    public static final Set<String> ASSIGNMENT_STRATEGIES = Set.of("round_robin", "least_loaded", "manual");

    private static final BigDecimal MAX_REFUND_LIMIT = new BigDecimal("1000000");

    public StoreSettings {
        if (autoRefundLimit == null) {
            throw ApiException.missingField("settings.auto_refund_limit");
        }
        if (autoRefundLimit.signum() < 0 || autoRefundLimit.compareTo(MAX_REFUND_LIMIT) > 0) {
            throw ApiException.invalidField("settings.auto_refund_limit", "out_of_range");
        }
        if (autoRefundLimit.stripTrailingZeros().scale() > 2) {
            throw ApiException.invalidField("settings.auto_refund_limit", "invalid_format");
        }
        autoRefundLimit = autoRefundLimit.setScale(2, java.math.RoundingMode.UNNECESSARY);
        if (returnWindowDays < 0 || returnWindowDays > 365) {
            throw ApiException.invalidField("settings.return_window_days", "out_of_range");
        }
        if (!(escalationConfidenceThreshold >= 0.0 && escalationConfidenceThreshold <= 1.0)) {
            throw ApiException.invalidField("settings.escalation_confidence_threshold", "out_of_range");
        }
        if (workingHours == null) {
            throw ApiException.missingField("settings.working_hours");
        }
        if (brandVoice == null) {
            throw ApiException.missingField("settings.brand_voice");
        }
        if (notifications == null) {
            throw ApiException.missingField("settings.notifications");
        }
        assignmentStrategy = assignmentStrategy == null ? "round_robin" : assignmentStrategy;
        if (!ASSIGNMENT_STRATEGIES.contains(assignmentStrategy)) {
            throw ApiException.invalidField("settings.assignment_strategy", "invalid_value");
        }
        if (retentionDays != null && (retentionDays < 1 || retentionDays > 3650)) {
            throw ApiException.invalidField("settings.retention_days", "out_of_range");
        }
        discountPolicy = discountPolicy == null ? DiscountPolicy.DEFAULT : discountPolicy;
    }

    public static StoreSettings defaults() {
        return new StoreSettings(
                new BigDecimal("50.00"),
                false,
                30,
                0.6,
                new WorkingHours("UTC", "09:00", "18:00", WorkingHours.ALL_DAYS),
                new BrandVoice("friendly_professional", "first_name", "Parley"),
                new Notifications(null, false),
                "round_robin",
                null,
                DiscountPolicy.DEFAULT);
    }

    /**
     * When humans are at work, in the store's time zone.
     *
     * @param days the days humans work, {@code mon} to {@code sun}
     */
    public record WorkingHours(String timezone, String start, String end, List<String> days) {

        public static final List<String> ALL_DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

        public WorkingHours {
            try {
                ZoneId.of(timezone == null ? "" : timezone);
            } catch (DateTimeException e) {
                throw ApiException.invalidField("settings.working_hours.timezone", "invalid_value");
            }
            LocalTime from = time("start", start);
            LocalTime to = time("end", end);
            if (from.equals(to)) {
                throw ApiException.invalidField("settings.working_hours.end", "invalid_value");
            }
            days = days == null ? ALL_DAYS : List.copyOf(days);
            if (days.isEmpty()
                    || !ALL_DAYS.containsAll(days)
                    || Set.copyOf(days).size() != days.size()) {
                throw ApiException.invalidField("settings.working_hours.days", "invalid_value");
            }
        }

        /** Whether humans are at work at the instant; overnight hours (22:00-06:00) belong to the day they start on. */
        public boolean openAt(Instant at) {
            ZonedDateTime local = at.atZone(ZoneId.of(timezone));
            LocalTime from = LocalTime.parse(start);
            LocalTime to = LocalTime.parse(end);
            LocalTime now = local.toLocalTime();
            if (from.isBefore(to)) {
                return works(local.getDayOfWeek()) && !now.isBefore(from) && now.isBefore(to);
            }
            if (!now.isBefore(from)) {
                return works(local.getDayOfWeek());
            }
            return now.isBefore(to) && works(local.getDayOfWeek().minus(1));
        }

        private boolean works(DayOfWeek day) {
            return days.contains(
                    day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT));
        }

        private static LocalTime time(String field, String value) {
            if (value == null || !value.matches("\\d{2}:\\d{2}")) {
                throw ApiException.invalidField("settings.working_hours." + field, "invalid_format");
            }
            try {
                return LocalTime.parse(value);
            } catch (DateTimeParseException e) {
                throw ApiException.invalidField("settings.working_hours." + field, "invalid_format");
            }
        }
    }

    /** How the assistant speaks: its tone, how it addresses customers, and the name it signs with. */
    public record BrandVoice(String tone, String nameUsage, String assistantName) {

        public static final Set<String> TONES =
                Set.of("friendly_professional", "formal", "casual", "playful", "empathetic");
        public static final Set<String> NAME_USAGES = Set.of("first_name", "full_name", "none");

        public BrandVoice {
            if (!TONES.contains(tone)) {
                throw ApiException.invalidField("settings.brand_voice.tone", "invalid_value");
            }
            if (!NAME_USAGES.contains(nameUsage)) {
                throw ApiException.invalidField("settings.brand_voice.name_usage", "invalid_value");
            }
            assistantName = assistantName == null || assistantName.isBlank() ? "Parley" : assistantName.strip();
            if (assistantName.length() > 60) {
                throw ApiException.invalidField("settings.brand_voice.assistant_name", "too_long");
            }
        }
    }

    /** Where escalations are announced, and whether a daily summary is sent. */
    public record Notifications(String escalationEmail, boolean dailySummary) {

        public Notifications {
            if (escalationEmail != null
                    && (escalationEmail.length() > 254 || !EmailAddresses.wellFormed(escalationEmail))) {
                throw ApiException.invalidField("settings.notifications.escalation_email", "invalid_format");
            }
        }
    }
}
