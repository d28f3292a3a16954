package io.crossbook.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossbook.server.security.AccessTokens.Role;
import io.crossbook.store.auth.UserAccount;
import io.crossbook.store.auth.UserRepository;
import io.crossbook.store.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class InitialAdminTest {
    private static final Pattern PRINTED_PASSWORD = Pattern.compile("\\n {6}(\\S+)\\n");

    private final TestDatabase db = TestDatabase.sqlite();
    private final UserRepository users = new UserRepository(db.jdbc());
    private final PasswordHasher passwords = new PasswordHasher(4);
    private final UserAccounts accounts = new UserAccounts(users, passwords,
            new TransactionTemplate(new JdbcTransactionManager(db.dataSource())), new TestClock());
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void theFirstStartWithoutAPasswordGeneratesOneAndPrintsItOnce() {
        start(null);
        String printed = console.toString(StandardCharsets.UTF_8);
        Matcher password = PRINTED_PASSWORD.matcher(printed);

        assertThat(password.find()).as(printed).isTrue();
        assertThat(password.group(1)).hasSize(24).matches("[A-Za-z0-9_-]+");
        assertThat(printed).contains("=".repeat(72), "admin", "shown this once");
        UserAccount admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo("admin");
        assertThat(passwords.matches(password.group(1), admin.passwordHash())).isTrue();

        console.reset();
        start(null);

        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(users.findAll()).containsExactly(admin);
    }

    @Test
    void theFirstStartUsesTheConfiguredPasswordAndPrintsNothing() {
        start("the operator's own password");

        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(passwords.matches("the operator's own password", users.findByUsername("admin").orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void laterStartsLeaveUsersAlone() {
        accounts.create("ops", "an existing admin password", Role.ADMIN);

        start("the operator's own password");

        assertThat(users.findAll()).extracting(UserAccount::username).containsExactly("ops");
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aWeakConfiguredPasswordStopsTheStartWithoutShowingIt() {
        assertThatThrownBy(() -> start("hunter2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("crossbook.security.admin-password (CROSSBOOK_ADMIN_PASSWORD) must be at least 12 characters");
        assertThat(users.isEmpty()).isTrue();
    }

    private void start(String configuredPassword) {
        new InitialAdmin(accounts, configuredPassword, new PrintStream(console, true, StandardCharsets.UTF_8))
                .run(new DefaultApplicationArguments());
    }
}
