package dev.parley.assistant;

/**
 * Parley's AI agent: one customer message in, one grounded reply out, with what it understood, what it did and
 * what it rests on. It works with no model configured (the offline engine) and better with one.
 */
public interface Assistant {

    Turn respond(TurnRequest request);
}
