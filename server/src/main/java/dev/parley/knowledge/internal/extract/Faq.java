package dev.parley.knowledge.internal.extract;

/** A question a page answers, both as plain text (any HTML in the answer stripped). */
public record Faq(String question, String answer) {}
