package io.crossbook.server.security;

import io.crossbook.server.api.ApiException;
import io.crossbook.server.api.ErrorCode;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * On the first start (no users yet) creates the user {@code admin}: with CROSSBOOK_ADMIN_PASSWORD
 * if set, else with a generated password printed once to the console. Later starts leave users
 * alone, so the password is never shown again.
 */
public final class InitialAdmin implements ApplicationRunner {
    static final String USERNAME = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);

    private final UserAccounts accounts;
    private final String configuredPassword;
    private final PrintStream console;

    public InitialAdmin(UserAccounts accounts, String configuredPassword, PrintStream console) {
        this.accounts = accounts;
        this.configuredPassword = configuredPassword == null || configuredPassword.isEmpty() ? null : configuredPassword;
        this.console = console;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.none()) {
            if (configuredPassword != null) {
                LOG.info("users exist: CROSSBOOK_ADMIN_PASSWORD is only used on the first start and was ignored");
            }
            return;
        }
        if (configuredPassword != null) {
            PasswordHasher.problem(configuredPassword).ifPresent(problem -> {
                throw new IllegalStateException("crossbook.security.admin-password (CROSSBOOK_ADMIN_PASSWORD) " + problem);
            });
        }
        String password = configuredPassword != null ? configuredPassword : generate();
        try {
            accounts.create(USERNAME, password, AccessTokens.Role.ADMIN);
        } catch (ApiException e) {
            if (e.code() != ErrorCode.CONFLICT) {
                throw e;
            }
            LOG.info("user '{}' was created by another instance starting at the same time", USERNAME);
            return;
        }
        if (configuredPassword == null) {
            announce(password);
        } else {
            LOG.info("created user '{}' with the password from CROSSBOOK_ADMIN_PASSWORD", USERNAME);
        }
    }

    /** 144 random bits, URL-safe, 24 characters. */
    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Straight to the console, not the log: log files and collectors keep what they get. */
    private void announce(String password) {
        String rule = "=".repeat(72);
        console.println();
        console.println(rule);
        console.println("  Crossbook created the first user: " + USERNAME);
        console.println("  Its generated password, shown this once and never again:");
        console.println();
        console.println("      " + password);
        console.println();
        console.println("  Sign in and keep it in a password manager. To choose it yourself,");
        console.println("  set CROSSBOOK_ADMIN_PASSWORD before the first start.");
        console.println(rule);
        console.println();
        console.flush();
    }
}
