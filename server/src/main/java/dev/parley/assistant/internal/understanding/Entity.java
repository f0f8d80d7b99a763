package dev.parley.assistant.internal.understanding;

/**
 * Something specific a message names.
 *
 * @param type order_number, email, phone, amount, date
 * @param text the words as written
 * @param value the normalized value: digits of an order number, a lower-case email, an E.164-like phone, a decimal
 *     amount with its currency ({@code 49.99 USD}), an ISO date or a relative day ({@code today})
 */
public record Entity(String type, String text, String value, int start, int end) {}
