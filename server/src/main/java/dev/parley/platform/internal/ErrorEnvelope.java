package dev.parley.platform.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The error envelope of seed 001, as every failure answers:
 * {@code {"error":{"code","message","message_en","details","request_id"},"request_id"}}. The request id is in both
 * places, where seed 001 reads it (the top) and where seeds 002 and 003 do (inside the error).
 */
record ErrorEnvelope(
        Error error, @JsonProperty("request_id") String requestId) {

    /**
     * @param messageEn the English message whatever the language of {@code message}: seed 003's clients read it on
     *     every error
     * @param details the failure's own details (a field, a reason, a limit): their keys are the failure's
     */
    record Error(
            String code,
            String message,
            @JsonProperty("message_en") String messageEn,
            Map<String, Object> details,
            @JsonProperty("request_id") String requestId) {}
}
