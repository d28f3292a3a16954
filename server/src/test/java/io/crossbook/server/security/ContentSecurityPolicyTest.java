package io.crossbook.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentSecurityPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost:8080", "desk.example.com", "10.1.2.3:443", "[::1]:8080"})
    void allowsTheWebSocketOfTheHostThePageCameFrom(String host) {
        assertThat(ContentSecurityPolicy.policy(host)).endsWith("connect-src 'self' ws://" + host + " wss://" + host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example; script-src *", "a b", "host:80:80", "", "x\r\nSet-Cookie: a=b"})
    void neverEchoesAnythingButAHost(String host) {
        assertThat(ContentSecurityPolicy.policy(host)).endsWith("connect-src 'self'").doesNotContain("evil", "Set-Cookie");
    }
}
