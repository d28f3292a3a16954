package io.crossbook.server.ws;

import io.crossbook.server.security.AccessTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** The WebSocket endpoint {@code /ws} and its gateway, which is also the platform's {@code EventSink}. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties(WsProperties.class)
public class WsConfiguration {

    @Bean
    WsGateway wsGateway(WsProperties properties, JsonMapper json, MeterRegistry meterRegistry) {
        return new WsGateway(properties, json, meterRegistry);
    }

    @Bean
    WebSocketConfigurer wsEndpoint(WsGateway gateway, AccessTokens tokens, JsonMapper json, WsProperties properties) {
        WsHandler handler = new WsHandler(gateway, tokens, json, properties);
        return registry -> registry.addHandler(handler, "/ws")
                .setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new));
    }
}
