package dev.parley.conversation.internal;

import dev.parley.platform.Digests;
import dev.parley.platform.Ids;

/**
 * The widget visitor's proof that a conversation is theirs: random, handed once to the widget that opened the
 * conversation with a publishable key, stored only as its SHA-256 (it carries 238 bits, so a fast hash is safe).
 */
final class VisitorTokens {

    private VisitorTokens() {}

    static String next() {
        return "vt_" + Ids.random(40);
    }

    static String hash(String token) {
        return Digests.sha256Hex(token);
    }
}
