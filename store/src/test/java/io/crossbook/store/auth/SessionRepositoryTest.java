package io.crossbook.store.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.store.testing.EachDatabase;
import io.crossbook.store.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class SessionRepositoryTest {

    @EachDatabase
    void findsATokenWithItsSessionAndUser(TestDatabase db) {
        SessionRepository sessions = withUsers(db);
        sessions.create("s1", "id-alice", 1_000);
        sessions.addToken("hash-1", "s1", 1_000, 9_000);

        assertThat(sessions.findToken("hash-1"))
                .contains(new RefreshTokenState("s1", "id-alice", "alice", UserAccount.VIEWER, 9_000, false, false));
        assertThat(sessions.findToken("hash-unknown")).isEmpty();
        assertThat(sessions.isActive("s1")).isTrue();
        assertThat(sessions.isActive("s-unknown")).isFalse();
    }

    @EachDatabase
    void aTokenRotatesOnce(TestDatabase db) {
        SessionRepository sessions = withUsers(db);
        sessions.create("s1", "id-alice", 1_000);
        sessions.addToken("hash-1", "s1", 1_000, 9_000);

        assertThat(sessions.markRotated("hash-1", 2_000)).isTrue();
        assertThat(sessions.markRotated("hash-1", 3_000)).isFalse();
        assertThat(sessions.markRotated("hash-unknown", 3_000)).isFalse();

        assertThat(sessions.findToken("hash-1")).hasValueSatisfying(t -> assertThat(t.rotated()).isTrue());
    }

    @EachDatabase
    void ofManyRefreshesRacingWithOneTokenExactlyOneWins(TestDatabase db) throws Exception {
        SessionRepository sessions = withUsers(db);
        sessions.create("s1", "id-alice", 1_000);
        sessions.addToken("hash-1", "s1", 1_000, 9_000);
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> wins = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                Callable<Boolean> refresh = () -> {
                    start.await();
                    return db.inTransaction(() -> sessions.markRotated("hash-1", 2_000));
                };
                wins.add(pool.submit(refresh));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> win : wins) {
                won += win.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        }
    }

    @EachDatabase
    void revokingEndsTheSessionOnce(TestDatabase db) {
        SessionRepository sessions = withUsers(db);
        sessions.create("s1", "id-alice", 1_000);
        sessions.addToken("hash-1", "s1", 1_000, 9_000);

        assertThat(sessions.revoke("s1", 2_000)).isTrue();
        assertThat(sessions.revoke("s1", 3_000)).isFalse();
        assertThat(sessions.revoke("s-unknown", 3_000)).isFalse();

        assertThat(sessions.isActive("s1")).isFalse();
        assertThat(sessions.findToken("hash-1")).hasValueSatisfying(t -> assertThat(t.sessionRevoked()).isTrue());
    }

    @EachDatabase
    void revokesEveryActiveSessionOfOneUserOnly(TestDatabase db) {
        SessionRepository sessions = withUsers(db);
        sessions.create("a1", "id-alice", 1_000);
        sessions.create("a2", "id-alice", 1_000);
        sessions.create("a3", "id-alice", 1_000);
        sessions.create("b1", "id-bob", 1_000);
        sessions.revoke("a3", 1_500);

        assertThat(sessions.revokeAllOf("id-alice", 2_000)).isEqualTo(2);

        assertThat(List.of("a1", "a2", "a3")).noneMatch(sessions::isActive);
        assertThat(sessions.isActive("b1")).isTrue();
    }

    @EachDatabase
    void pruningDropsExpiredTokensAndSessionsLeftWithoutAny(TestDatabase db) {
        SessionRepository sessions = withUsers(db);
        sessions.create("old", "id-alice", 1_000);
        sessions.addToken("old-1", "old", 1_000, 5_000);
        sessions.create("live", "id-alice", 1_000);
        sessions.addToken("live-1", "live", 1_000, 5_000);
        sessions.addToken("live-2", "live", 4_000, 12_000);
        sessions.markRotated("live-1", 4_000);

        assertThat(sessions.prune(5_000)).isEqualTo(1);

        assertThat(sessions.findToken("old-1")).isEmpty();
        assertThat(sessions.isActive("old")).isFalse();
        assertThat(sessions.findToken("live-1")).isEmpty();
        assertThat(sessions.findToken("live-2")).isPresent();
        assertThat(sessions.isActive("live")).isTrue();
    }

    private static SessionRepository withUsers(TestDatabase db) {
        UserRepository users = new UserRepository(db.jdbc());
        users.insert(new UserAccount("id-alice", "alice", "hash", UserAccount.VIEWER, 1));
        users.insert(new UserAccount("id-bob", "bob", "hash", UserAccount.VIEWER, 1));
        return new SessionRepository(db.jdbc());
    }
}
