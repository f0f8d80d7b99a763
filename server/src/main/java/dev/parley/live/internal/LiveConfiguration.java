package dev.parley.live.internal;

import dev.parley.platform.PublicPath;
import io.lettuce.core.RedisClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two sockets, open to any origin at the upgrade (a publishable key is checked against the store's domains in
 * the auth frame instead), authenticated by their first frame rather than by a header, which browsers cannot set on
 * a WebSocket; and the fan-out, through Redis when there is one.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class LiveConfiguration implements WebSocketConfigurer {

    static final String WIDGET_PATH = "/v1/ws";
    static final String AGENT_PATH = "/v1/agent/ws";
    static final String TOMCAT_WEBSOCKET_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";

    private final WidgetSocket widget;
    private final AgentSocket agent;

    LiveConfiguration(WidgetSocket widget, AgentSocket agent) {
        this.widget = widget;
        this.agent = agent;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(widget, WIDGET_PATH).setAllowedOriginPatterns("*");
        registry.addHandler(agent, AGENT_PATH).setAllowedOriginPatterns("*");
    }

    /**
     * Tomcat gives every connection 8 KiB read and write buffers, and every WebSocket three more of its default buffer
     * size (8 KiB): 4 KiB and 2 KiB are plenty for chat frames and keep a held socket at a third of the memory. The
     * WebSocket size is a system property Tomcat reads once, before it starts; an operator's own value wins.
     */
    @Bean
    static TomcatConnectorCustomizer liveSocketBuffers() {
        return connector -> {
            if (System.getProperty(TOMCAT_WEBSOCKET_BUFFER) == null) {
                System.setProperty(TOMCAT_WEBSOCKET_BUFFER, "2048");
            }
            connector.setProperty("socket.appReadBufSize", "4096");
            connector.setProperty("socket.appWriteBufSize", "4096");
        };
    }

    @Bean
    PublicPath widgetSocketPath() {
        return new PublicPath(WIDGET_PATH);
    }

    @Bean
    PublicPath agentSocketPath() {
        return new PublicPath(AGENT_PATH);
    }

    @Bean
    static Fanout fanout(Hub hub, JsonMapper json, ObjectProvider<RedisClient> redis, LiveProperties properties) {
        RedisClient client = redis.getIfAvailable();
        if (client == null) {
            return hub::deliver;
        }
        return new RedisFanout(hub, json, client, properties.channel());
    }
}
