package io.crossbook.bench;

import io.crossbook.server.security.AccessTokens;
import io.crossbook.server.security.AccessTokens.Caller;
import io.crossbook.server.security.AccessTokens.Role;
import io.crossbook.server.ws.WsConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The gateway as it runs in the server (embedded Tomcat on virtual threads, Spring MVC's dispatcher,
 * Spring WebSocket, the server's {@code application.yml}) without the rest of the platform, so that
 * the harness measures the fan-out alone. One fixed token authenticates the harness's clients.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class, JacksonAutoConfiguration.class})
@Import(WsConfiguration.class)
class FanoutServer {
    static final String TOKEN = "fanout-harness";

    static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FanoutServer.class).run("--server.port=0");
    }

    @Bean
    AccessTokens harnessTokens() {
        return token -> TOKEN.equals(token) ? Optional.of(new Caller("harness", Role.VIEWER)) : Optional.empty();
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
