package io.crossbook.server.system;

import io.crossbook.server.ws.WsGateway;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The WebSocket gateway: its clients, and what it has sent, coalesced and dropped. */
@Component
@Order(20)
class WebSocketModule implements SystemModule {
    private final WsGateway gateway;

    WebSocketModule(WsGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public String name() {
        return "websocket";
    }

    @Override
    public Health health() {
        return Health.up("RUNNING", gateway.stats().clients() + " clients connected");
    }

    @Override
    public Object performance() {
        return gateway.stats();
    }
}
