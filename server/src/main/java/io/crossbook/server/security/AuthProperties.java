package io.crossbook.server.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crossbook.security.*}; the values and what they mean are in {@code application.yml}.
 * {@code jwtSecret} and {@code adminPassword} come from the environment
 * ({@code CROSSBOOK_JWT_SECRET}, {@code CROSSBOOK_ADMIN_PASSWORD}) and are never printed.
 */
@ConfigurationProperties("crossbook.security")
public record AuthProperties(String jwtSecret, Duration accessTokenTtl, Duration refreshTokenTtl, String adminPassword,
                             boolean publicMarketData, List<String> corsOrigins, int loginMaxFailures,
                             Duration loginFailureWindow, int bcryptCost) {

    public AuthProperties {
        require(accessTokenTtl != null && accessTokenTtl.isPositive(), "access-token-ttl must be positive");
        // A session must outlive the access tokens issued for it (SessionRepository.prune relies on it).
        require(refreshTokenTtl != null && refreshTokenTtl.compareTo(accessTokenTtl) > 0,
                "refresh-token-ttl must be longer than access-token-ttl");
        require(loginMaxFailures >= 1, "login-max-failures must be at least 1");
        require(loginFailureWindow != null && loginFailureWindow.isPositive(), "login-failure-window must be positive");
        // BCrypt accepts 4..31; below 10 is only fit for tests.
        require(bcryptCost >= 4 && bcryptCost <= 31, "bcrypt-cost must be between 4 and 31");
        corsOrigins = corsOrigins == null ? List.of() : corsOrigins.stream().filter(o -> !o.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "AuthProperties[accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl
                + ", publicMarketData=" + publicMarketData + ", corsOrigins=" + corsOrigins
                + ", loginMaxFailures=" + loginMaxFailures + ", loginFailureWindow=" + loginFailureWindow
                + ", bcryptCost=" + bcryptCost + "]";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("crossbook.security." + message);
        }
    }
}
