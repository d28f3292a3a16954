package io.crossbook.store.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.store.auth.UserRepository.DeleteResult;
import io.crossbook.store.testing.EachDatabase;
import io.crossbook.store.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class UserRepositoryTest {

    @EachDatabase
    void findsTheUserItStored(TestDatabase db) {
        UserRepository users = new UserRepository(db.jdbc());
        UserAccount alice = new UserAccount("id-alice", "alice", "$2a$10$hash", UserAccount.VIEWER, 1_700_000_000_123L);

        assertThat(users.insert(alice)).isTrue();

        assertThat(users.findByUsername("alice")).contains(alice);
        assertThat(users.findByUsername("bob")).isEmpty();
    }

    @EachDatabase
    void refusesATakenUsernameAndKeepsTheFirstUser(TestDatabase db) {
        UserRepository users = new UserRepository(db.jdbc());
        UserAccount first = new UserAccount("id-1", "alice", "hash-1", UserAccount.ADMIN, 1);
        users.insert(first);

        assertThat(users.insert(new UserAccount("id-2", "alice", "hash-2", UserAccount.VIEWER, 2))).isFalse();

        assertThat(users.findAll()).containsExactly(first);
    }

    @EachDatabase
    void listsUsersByName(TestDatabase db) {
        UserRepository users = new UserRepository(db.jdbc());
        assertThat(users.isEmpty()).isTrue();
        for (String name : List.of("carol", "alice", "bob")) {
            users.insert(new UserAccount("id-" + name, name, "hash", UserAccount.VIEWER, 1));
        }

        assertThat(users.isEmpty()).isFalse();
        assertThat(users.findAll()).extracting(UserAccount::username).containsExactly("alice", "bob", "carol");
    }

    @EachDatabase
    void deletesUsersButNeverTheLastAdmin(TestDatabase db) {
        UserRepository users = new UserRepository(db.jdbc());
        users.insert(new UserAccount("id-root", "root", "hash", UserAccount.ADMIN, 1));
        users.insert(new UserAccount("id-ops", "ops", "hash", UserAccount.ADMIN, 1));
        users.insert(new UserAccount("id-eve", "eve", "hash", UserAccount.VIEWER, 1));

        assertThat(db.inTransaction(() -> users.delete("eve"))).isEqualTo(DeleteResult.DELETED);
        assertThat(db.inTransaction(() -> users.delete("eve"))).isEqualTo(DeleteResult.NOT_FOUND);
        assertThat(db.inTransaction(() -> users.delete("ops"))).isEqualTo(DeleteResult.DELETED);
        assertThat(db.inTransaction(() -> users.delete("root"))).isEqualTo(DeleteResult.LAST_ADMIN);

        assertThat(users.findAll()).extracting(UserAccount::username).containsExactly("root");
    }

    @EachDatabase
    void ofTwoAdminsDeletingEachOtherAtOnceExactlyOneSucceeds(TestDatabase db) throws Exception {
        UserRepository users = new UserRepository(db.jdbc());
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 10; round++) {
                db.jdbc().sql("DELETE FROM users").update();
                users.insert(new UserAccount("id-a", "a", "hash", UserAccount.ADMIN, 1));
                users.insert(new UserAccount("id-b", "b", "hash", UserAccount.ADMIN, 1));

                List<DeleteResult> results = deleteConcurrently(db, users, pool, "a", "b");

                assertThat(results).as("round " + round).containsExactlyInAnyOrder(DeleteResult.DELETED, DeleteResult.LAST_ADMIN);
                assertThat(users.findAll()).hasSize(1);
            }
        }
    }

    @EachDatabase
    void deletingAUserDeletesTheirSessionsAndTokens(TestDatabase db) {
        UserRepository users = new UserRepository(db.jdbc());
        SessionRepository sessions = new SessionRepository(db.jdbc());
        users.insert(new UserAccount("id-root", "root", "hash", UserAccount.ADMIN, 1));
        users.insert(new UserAccount("id-eve", "eve", "hash", UserAccount.VIEWER, 1));
        sessions.create("s-eve", "id-eve", 1);
        sessions.addToken("t-eve", "s-eve", 1, 1_000);
        sessions.create("s-root", "id-root", 1);
        sessions.addToken("t-root", "s-root", 1, 1_000);

        db.inTransaction(() -> users.delete("eve"));

        assertThat(sessions.isActive("s-eve")).isFalse();
        assertThat(sessions.findToken("t-eve")).isEmpty();
        assertThat(sessions.isActive("s-root")).isTrue();
        assertThat(sessions.findToken("t-root")).isPresent();
    }

    @Test
    void neverPrintsThePasswordHash() {
        UserAccount account = new UserAccount("id", "alice", "$2a$10$secret-hash", UserAccount.VIEWER, 1);

        assertThat(account.toString()).contains("alice").doesNotContain("secret-hash");
    }

    private static List<DeleteResult> deleteConcurrently(TestDatabase db, UserRepository users, ExecutorService pool,
                                                         String... names) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<DeleteResult>> results = new ArrayList<>();
        for (String name : names) {
            results.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return db.inTransaction(() -> users.delete(name));
            }, pool));
        }
        start.countDown();
        List<DeleteResult> done = new ArrayList<>();
        for (CompletableFuture<DeleteResult> result : results) {
            done.add(result.get());
        }
        return done;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
