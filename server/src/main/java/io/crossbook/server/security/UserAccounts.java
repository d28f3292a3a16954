package io.crossbook.server.security;

import io.crossbook.server.api.ApiException;
import io.crossbook.server.api.ErrorCode;
import io.crossbook.server.security.AccessTokens.Role;
import io.crossbook.store.auth.UserAccount;
import io.crossbook.store.auth.UserRepository;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/** Creating, listing and deleting users (admins only, and the first start). */
public final class UserAccounts {
    private static final Logger LOG = LoggerFactory.getLogger(UserAccounts.class);

    private final UserRepository users;
    private final PasswordHasher passwords;
    private final TransactionOperations transactions;
    private final Clock clock;

    public UserAccounts(UserRepository users, PasswordHasher passwords, TransactionOperations transactions, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Creates the user; {@code VALIDATION_ERROR} for a weak password, {@code CONFLICT} for a taken name. */
    public UserAccount create(String username, String password, Role role) {
        PasswordHasher.problem(password).ifPresent(problem -> {
            throw ApiException.validation("password: " + problem);
        });
        UserAccount account = new UserAccount(UUID.randomUUID().toString(), username, passwords.hash(password),
                role.id(), clock.millis());
        if (!users.insert(account)) {
            throw new ApiException(ErrorCode.CONFLICT, "user '" + username + "' already exists");
        }
        LOG.info("user '{}' created with role {}", username, role.id());
        return account;
    }

    public List<UserAccount> list() {
        return users.findAll();
    }

    public boolean none() {
        return users.isEmpty();
    }

    /**
     * Deletes the user and ends their sessions, so their tokens stop working at once;
     * {@code NOT_FOUND} for an unknown name, {@code CONFLICT} for the last admin.
     */
    public UserAccount delete(String username) {
        UserAccount account = users.findByUsername(username)
                .orElseThrow(() -> ApiException.notFound("no user '" + username + "'"));
        switch (transactions.execute(status -> users.delete(username))) {
            case DELETED -> LOG.info("user '{}' deleted", username);
            case NOT_FOUND -> throw ApiException.notFound("no user '" + username + "'");
            case LAST_ADMIN -> throw new ApiException(ErrorCode.CONFLICT,
                    "'" + username + "' is the last admin; create another admin before deleting it");
        }
        return account;
    }
}
