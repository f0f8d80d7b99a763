package dev.parley.assistant;

import java.util.function.Supplier;

/**
 * The time a turn spends waiting for a remote language model, and what the turn's caller does with it. A caller that
 * bounds how many turns run at once (for its cores and connections) need not count a turn that only waits on another
 * machine: it runs the turn {@link #around} its {@link Steps}, and the assistant marks every request to a model with
 * {@link #during}. The steps are bound to the turn's thread, so no signature between the two has to carry them; a
 * turn run without them (a test, a tool's own call) just waits.
 */
public final class ModelWait {

    /** What the caller does as the turn starts to wait for the model, and once the model has answered or failed. */
    public interface Steps {

        /** The turn waits on the model from now on: what it holds for the caller may serve another turn meanwhile. */
        void leave();

        /** The model has answered or failed; the turn goes on, on this thread, when this returns. It must not fail. */
        void resume();
    }

    private static final ThreadLocal<Steps> CALLER = new ThreadLocal<>();

    private ModelWait() {}

    /** {@code turn}, run on this thread, with {@code steps} taken around each of its waits for a model. */
    public static <T> T around(Steps steps, Supplier<T> turn) {
        Steps outer = CALLER.get();
        CALLER.set(steps);
        try {
            return turn.get();
        } finally {
            bind(outer);
        }
    }

    /** {@code request}, a request to a remote model, with the caller's steps around it, if it gave any. */
    public static <T> T during(Supplier<T> request) {
        Steps steps = CALLER.get();
        if (steps == null) {
            return request.get();
        }
        // A wait inside this one is part of it: it leaves nothing more.
        CALLER.remove();
        steps.leave();
        try {
            return request.get();
        } finally {
            steps.resume();
            CALLER.set(steps);
        }
    }

    private static void bind(Steps steps) {
        if (steps == null) {
            CALLER.remove();
        } else {
            CALLER.set(steps);
        }
    }
}
