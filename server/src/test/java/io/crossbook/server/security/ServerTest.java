package io.crossbook.server.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AliasFor;

/**
 * The whole server on MockMvc with its own SQLite file, a known admin password and signing key,
 * cheap BCrypt and no exchange connections. Test classes with the same extra properties share
 * one server, so each test signs in from its own client address and names its own users.
 * With {@code webEnvironment = RANDOM_PORT} it also listens on a port, for WebSocket clients.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "crossbook.db.sqlite-file=target/test-db/${random.uuid}/crossbook.db",
        "crossbook.security.admin-password=" + TestClient.ADMIN_PASSWORD,
        "crossbook.security.jwt-secret=" + TestClient.JWT_SECRET,
        "crossbook.security.bcrypt-cost=4",
        "crossbook.market-data.feeds="})
@AutoConfigureMockMvc
public @interface ServerTest {
    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;
}
