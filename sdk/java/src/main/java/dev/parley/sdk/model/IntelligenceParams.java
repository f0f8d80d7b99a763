package dev.parley.sdk.model;

/** Seed 000's {@code analytics().getIntelligence}: {@code metric} (journey, content-gaps, peak-usage, conversion-funnel, all) and the period. Any other parameter: {@link #put(String, Object)}. */
public class IntelligenceParams extends Params {
    /** {@code metric}. */
    public IntelligenceParams metric(String metric) {
        return set("metric", metric);
    }

    /** {@code days}. */
    public IntelligenceParams days(Integer days) {
        return set("days", days);
    }

    /** {@code start_date}. */
    public IntelligenceParams startDate(String startDate) {
        return set("startDate", startDate);
    }

    /** {@code end_date}. */
    public IntelligenceParams endDate(String endDate) {
        return set("endDate", endDate);
    }

    /** {@code timezone}. */
    public IntelligenceParams timezone(String timezone) {
        return set("timezone", timezone);
    }
}
