package io.crossbook.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.crossbook.server.api.ApiException;
import io.crossbook.server.api.ErrorCode;
import io.crossbook.server.security.AccessTokens.Role;
import io.crossbook.store.auth.UserAccount;
import io.crossbook.store.auth.UserRepository;
import io.crossbook.store.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class UserAccountsTest {
    private final TestDatabase db = TestDatabase.sqlite();
    private final TestClock clock = new TestClock();
    private final PasswordHasher passwords = new PasswordHasher(4);
    private final UserAccounts accounts = new UserAccounts(new UserRepository(db.jdbc()), passwords,
            new TransactionTemplate(new JdbcTransactionManager(db.dataSource())), clock);

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void storesTheUserWithAHashOfThePassword() {
        UserAccount created = accounts.create("alice", "correct horse battery staple", Role.VIEWER);

        assertThat(accounts.list()).containsExactly(created);
        assertThat(created.role()).isEqualTo("viewer");
        assertThat(created.createdAt()).isEqualTo(clock.millis());
        assertThat(passwords.matches("correct horse battery staple", created.passwordHash())).isTrue();
        assertThat(created.passwordHash()).doesNotContain("correct horse");
    }

    @Test
    void refusesAWeakPasswordAndATakenName() {
        accounts.create("alice", "correct horse battery staple", Role.VIEWER);

        ApiException weak = catchThrowableOfType(ApiException.class, () -> accounts.create("bob", "short", Role.VIEWER));
        ApiException taken = catchThrowableOfType(ApiException.class,
                () -> accounts.create("alice", "another long password", Role.ADMIN));

        assertThat(weak.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(weak.getMessage()).isEqualTo("password: must be at least 12 characters");
        assertThat(taken.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(accounts.list()).extracting(UserAccount::username, UserAccount::role).containsExactly(
                tuple("alice", "viewer"));
    }

    @Test
    void theLastAdminCannotBeDeleted() {
        accounts.create("root", "correct horse battery staple", Role.ADMIN);
        accounts.create("ops", "correct horse battery staple", Role.ADMIN);

        assertThat(accounts.delete("ops").username()).isEqualTo("ops");
        ApiException last = catchThrowableOfType(ApiException.class, () -> accounts.delete("root"));
        ApiException unknown = catchThrowableOfType(ApiException.class, () -> accounts.delete("ops"));

        assertThat(last.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(last.getMessage()).contains("last admin");
        assertThat(unknown.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(accounts.list()).extracting(UserAccount::username).containsExactly("root");
    }
}
