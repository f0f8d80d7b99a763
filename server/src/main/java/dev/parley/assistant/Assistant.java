package dev.parley.assistant;

import java.util.function.Consumer;

/**
 * Parley's AI agent: one customer message in, one grounded reply out, with what it understood, what it did and
 * what it rests on. It works with no model configured (the offline engine) and better with one.
 */
public interface Assistant {

    Turn respond(TurnRequest request);

    /**
     * As {@link #respond(TurnRequest)}, the reply also handed to {@code onText} in pieces as it is written, so that a
     * chat can show it growing. The pieces are a preview: the returned turn's reply is what counts (a model's answer
     * can fail midway and be replaced), and it is what is stored and sent as the message.
     */
    default Turn respond(TurnRequest request, Consumer<String> onText) {
        Turn turn = respond(request);
        onText.accept(turn.reply());
        return turn;
    }
}
