package dev.parley.conversation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a conversation takes place: the widget, the API, a chat, email, a voice call, SMS or WhatsApp. */
public enum Channel {
    WIDGET,
    API,
    CHAT,
    EMAIL,
    VOICE,
    SMS,
    WHATSAPP;

    /** The word in JSON, webhooks and the {@code conversations.channel} column. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The channel a wire word names; empty for anything else (the caller answers with its own 400). */
    public static Optional<Channel> fromWire(String wire) {
        return Arrays.stream(values()).filter(c -> c.wire().equals(wire)).findFirst();
    }
}
