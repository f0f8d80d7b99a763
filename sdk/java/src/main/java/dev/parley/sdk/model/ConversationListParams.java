package dev.parley.sdk.model;

/** {@code conversations().list} filters and page size. Any other parameter: {@link #put(String, Object)}. */
public class ConversationListParams extends Params {
    /** {@code status}. */
    public ConversationListParams status(String status) {
        return set("status", status);
    }

    /** {@code intent}. */
    public ConversationListParams intent(String intent) {
        return set("intent", intent);
    }

    /** {@code sentiment}. */
    public ConversationListParams sentiment(String sentiment) {
        return set("sentiment", sentiment);
    }

    /** {@code customer_email}. */
    public ConversationListParams customerEmail(String customerEmail) {
        return set("customerEmail", customerEmail);
    }

    /** {@code channel}. */
    public ConversationListParams channel(String channel) {
        return set("channel", channel);
    }

    /** {@code priority}. */
    public ConversationListParams priority(String priority) {
        return set("priority", priority);
    }

    /** {@code assigned_to}. */
    public ConversationListParams assignedTo(String assignedTo) {
        return set("assignedTo", assignedTo);
    }

    /** {@code start_date}. */
    public ConversationListParams startDate(String startDate) {
        return set("startDate", startDate);
    }

    /** {@code end_date}. */
    public ConversationListParams endDate(String endDate) {
        return set("endDate", endDate);
    }

    /** {@code page}. */
    public ConversationListParams page(Integer page) {
        return set("page", page);
    }

    /** {@code per_page}. */
    public ConversationListParams perPage(Integer perPage) {
        return set("perPage", perPage);
    }
}
