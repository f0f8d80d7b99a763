package dev.parley.live.internal;

/**
 * Carries signals to every node's {@link Hub}: in this process alone, or through Redis pub/sub when
 * {@code PARLEY_REDIS_URL} is set. Publishing never blocks on the network.
 */
interface Fanout {

    void publish(Signal signal);
}
