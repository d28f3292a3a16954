package io.crossbook.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crossbook.server.api.ApiException;
import io.crossbook.server.api.ErrorCode;
import io.crossbook.server.security.AccessTokens.Role;
import io.crossbook.store.auth.SessionRepository;
import io.crossbook.store.auth.UserRepository;
import io.crossbook.store.testing.TestDatabase;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class AuthServiceTest {
    /** Production strength, so a skipped password check would show in the timings. */
    private static final int COST = 10;

    private final TestDatabase db = TestDatabase.sqlite();
    private final TestClock clock = new TestClock();
    private final TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(db.dataSource()));
    private final UserRepository users = new UserRepository(db.jdbc());
    private final PasswordHasher passwords = new PasswordHasher(COST);
    private final Sessions sessions = new Sessions(new SessionRepository(db.jdbc()), transactions, Duration.ofDays(7), clock);
    private final JwtAccessTokens tokens = new JwtAccessTokens(SigningKeys.hs256(null), Duration.ofMinutes(15), clock,
            sessions::isActive);
    private final AuthService auth = new AuthService(users, passwords,
            new LoginThrottle(1_000, Duration.ofMinutes(15), System::nanoTime), sessions, tokens);
    private final AtomicInteger addresses = new AtomicInteger();

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void anUnknownUsernameTakesAsLongAsAWrongPassword() {
        new UserAccounts(users, passwords, transactions, clock).create("alice", "correct horse battery staple", Role.VIEWER);
        failedSignIn("alice", "warm-up password");

        long wrongPassword = medianNanos(() -> failedSignIn("alice", "not the password"));
        long unknownUser = medianNanos(() -> failedSignIn("mallory", "not the password"));

        assertThat((double) unknownUser).isGreaterThan(wrongPassword * 0.5);
    }

    @Test
    void aSignInStartsASessionThatTheAccessTokenNames() {
        new UserAccounts(users, passwords, transactions, clock).create("root", "correct horse battery staple", Role.ADMIN);

        TokenPair pair = auth.login("root", "correct horse battery staple", "10.0.0.1");

        assertThat(pair.expiresIn()).isEqualTo(900);
        assertThat(tokens.verify(pair.accessToken())).contains(new AccessTokens.Caller("root", Role.ADMIN));
        assertThat(auth.logout("root", null)).isEqualTo(1);
        assertThat(tokens.verify(pair.accessToken())).isEmpty();
        assertThat(pair.toString()).doesNotContain(pair.accessToken()).doesNotContain(pair.refreshToken());
    }

    private void failedSignIn(String username, String password) {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> auth.login(username, password, "10.0.0." + addresses.incrementAndGet()));
        assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
        assertThat(e.getMessage()).isEqualTo("wrong username or password");
    }

    private static long medianNanos(Runnable action) {
        long[] times = new long[7];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            action.run();
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }
}
