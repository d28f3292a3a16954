package io.crossbook.server.ws;

import io.crossbook.server.security.AccessTokens;
import io.crossbook.server.security.AccessTokens.Caller;
import io.crossbook.server.security.AccessTokens.Role;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * What the gateway tests need from the auth module: fixed tokens in place of JWTs, and the
 * {@code /ws} handshake open (the gateway authenticates the socket itself).
 */
@TestConfiguration
class WsTestConfiguration {
    static final String ADMIN_TOKEN = "test-admin-token-7f3a";
    static final String VIEWER_TOKEN = "test-viewer-token-91c2";

    @Bean
    @Primary
    AccessTokens fixedTokens() {
        return token -> switch (token) {
            case ADMIN_TOKEN -> Optional.of(new Caller("alice", Role.ADMIN));
            case VIEWER_TOKEN -> Optional.of(new Caller("bob", Role.VIEWER));
            default -> Optional.empty();
        };
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain openWebSocketHandshake(HttpSecurity http) throws Exception {
        return http.securityMatcher("/ws")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }
}
