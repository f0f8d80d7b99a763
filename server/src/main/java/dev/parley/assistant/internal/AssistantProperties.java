package dev.parley.assistant.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the assistant module ({@code parley.assistant.*}).
 *
 * @param modelTimeout how long one model request may take when the workspace sets no timeout of its own
 * @param maxToolRounds how many rounds of tool calls a model may make in one turn before it must answer
 */
@ConfigurationProperties("parley.assistant")
record AssistantProperties(
        @DefaultValue("20s") Duration modelTimeout,
        @DefaultValue("3") int maxToolRounds) {}
