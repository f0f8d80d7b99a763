/**
 * Live owns real-time delivery: the widget socket, the agents' stream, server-sent events, and the fan-out that
 * carries conversation events and typing between the nodes that hold the sockets.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Live",
        allowedDependencies = {"platform", "tenancy", "conversation"})
package dev.parley.live;
