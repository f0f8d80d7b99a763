package dev.parley.live.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of real-time delivery ({@code parley.live.*}).
 *
 * @param authTimeout how long a new socket may stay silent before its auth frame; then it is closed
 * @param pingInterval how often an idle socket is pinged; one that answers nothing for two intervals is closed
 * @param maxFrameChars the longest client frame accepted; a longer one is refused with {@code invalid_message}
 * @param sendQueue how many frames may wait for a slow client; beyond that the client is dropped
 * @param sendTimeout how long one frame may take to reach a client before it is dropped
 * @param frameBurst client frames one socket may send at once
 * @param framesPerSecond client frames one socket may send per second, on average
 * @param replayLimit the most messages replayed to a reconnecting client
 * @param channel the Redis pub/sub channel that carries events between nodes
 * @param credentialCheck how often a connection's key or console session is checked again (besides hearing of its
 *     revocation as it happens); one that no longer holds is closed
 */
@ConfigurationProperties("parley.live")
record LiveProperties(
        @DefaultValue("5s") Duration authTimeout,
        @DefaultValue("30s") Duration pingInterval,
        @DefaultValue("16000") int maxFrameChars,
        @DefaultValue("256") int sendQueue,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("10") int frameBurst,
        @DefaultValue("2") double framesPerSecond,
        @DefaultValue("200") int replayLimit,
        @DefaultValue("parley:live") String channel,
        @DefaultValue("10s") Duration credentialCheck) {}
