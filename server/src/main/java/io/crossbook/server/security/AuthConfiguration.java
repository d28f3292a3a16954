package io.crossbook.server.security;

import com.github.benmanes.caffeine.cache.Ticker;
import io.crossbook.store.auth.SessionRepository;
import io.crossbook.store.auth.UserRepository;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Wires users, sessions and tokens. The services take their clock and console as arguments so
 * tests can build them with others; here they get the real ones.
 */
@Configuration(proxyBeanMethods = false)
public class AuthConfiguration {
    private static final Clock CLOCK = Clock.systemUTC();

    @Bean
    UserRepository userRepository(JdbcClient jdbc) {
        return new UserRepository(jdbc);
    }

    @Bean
    SessionRepository sessionRepository(JdbcClient jdbc) {
        return new SessionRepository(jdbc);
    }

    @Bean
    PasswordHasher passwordHasher(AuthProperties properties) {
        return new PasswordHasher(properties.bcryptCost());
    }

    @Bean
    Sessions sessions(SessionRepository repository, TransactionOperations transactions, AuthProperties properties) {
        return new Sessions(repository, transactions, properties.refreshTokenTtl(), CLOCK);
    }

    /** Also the {@link AccessTokens} the WebSocket gateway checks its sessions with. */
    @Bean
    JwtAccessTokens accessTokens(AuthProperties properties, Sessions sessions) {
        return new JwtAccessTokens(SigningKeys.hs256(properties.jwtSecret()), properties.accessTokenTtl(), CLOCK,
                sessions::isActive);
    }

    @Bean
    LoginThrottle loginThrottle(AuthProperties properties) {
        return new LoginThrottle(properties.loginMaxFailures(), properties.loginFailureWindow(), Ticker.systemTicker());
    }

    @Bean
    AuthService authService(UserRepository users, PasswordHasher passwords, LoginThrottle throttle, Sessions sessions,
                            JwtAccessTokens accessTokens) {
        return new AuthService(users, passwords, throttle, sessions, accessTokens);
    }

    @Bean
    UserAccounts userAccounts(UserRepository users, PasswordHasher passwords, TransactionOperations transactions) {
        return new UserAccounts(users, passwords, transactions, CLOCK);
    }

    @Bean
    InitialAdmin initialAdmin(UserAccounts accounts, AuthProperties properties) {
        return new InitialAdmin(accounts, properties.adminPassword(), System.out);
    }
}
