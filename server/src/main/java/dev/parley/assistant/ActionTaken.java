package dev.parley.assistant;

import java.util.Map;

/**
 * One entry of seed 001's {@code actions_taken}: every tool call the assistant made, whether it ran, was refused by
 * policy or failed.
 *
 * @param status executed, refused, needs_info or failed
 */
public record ActionTaken(String type, String tool, String status, Map<String, Object> details) {}
