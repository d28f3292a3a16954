package io.crossbook.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossbook.server.security.Sessions.Refresh;
import io.crossbook.store.auth.SessionRepository;
import io.crossbook.store.auth.UserAccount;
import io.crossbook.store.auth.UserRepository;
import io.crossbook.store.testing.EachDatabase;
import io.crossbook.store.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class SessionsTest {
    private static final Duration TTL = Duration.ofDays(7);
    private final TestClock clock = new TestClock();

    @EachDatabase
    void aRefreshTokenIsExchangedForTheNextOne(TestDatabase db) {
        Sessions sessions = sessions(db);
        Sessions.Started started = sessions.start("id-alice");

        Refresh first = sessions.refresh(started.refreshToken());

        assertThat(first).isInstanceOfSatisfying(Refresh.Rotated.class, rotated -> {
            assertThat(rotated.sessionId()).isEqualTo(started.sessionId());
            assertThat(rotated.username()).isEqualTo("alice");
            assertThat(rotated.role()).isEqualTo("viewer");
            assertThat(rotated.refreshToken()).isNotEqualTo(started.refreshToken()).hasSize(43);
            assertThat(rotated.toString()).doesNotContain(rotated.refreshToken());
        });
        assertThat(sessions.refresh(((Refresh.Rotated) first).refreshToken())).isInstanceOf(Refresh.Rotated.class);
        assertThat(sessions.isActive(started.sessionId())).isTrue();
    }

    @EachDatabase
    void onlyTheTokensHashIsStored(TestDatabase db) {
        Sessions.Started started = sessions(db).start("id-alice");

        List<String> stored = db.jdbc().sql("SELECT token_hash FROM refresh_tokens").query(String.class).list();

        assertThat(stored).containsExactly(RefreshTokens.hash(started.refreshToken()))
                .noneMatch(h -> h.contains(started.refreshToken()));
    }

    @EachDatabase
    void usingARotatedTokenAgainRevokesTheSession(TestDatabase db) {
        Sessions sessions = sessions(db);
        Sessions.Started started = sessions.start("id-alice");
        Refresh.Rotated next = (Refresh.Rotated) sessions.refresh(started.refreshToken());

        assertThat(sessions.refresh(started.refreshToken())).isEqualTo(Refresh.Refused.REUSED);

        assertThat(sessions.isActive(started.sessionId())).isFalse();
        assertThat(sessions.refresh(next.refreshToken())).isEqualTo(Refresh.Refused.REVOKED);
    }

    @EachDatabase
    void ofRefreshesRacingWithOneTokenAtMostOneSucceedsAndTheSessionEnds(TestDatabase db) throws Exception {
        Sessions sessions = sessions(db);
        Sessions.Started started = sessions.start("id-alice");
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Refresh>> results = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return sessions.refresh(started.refreshToken());
                }));
            }
            start.countDown();
            List<Refresh> outcomes = new ArrayList<>();
            for (Future<Refresh> result : results) {
                outcomes.add(result.get());
            }

            assertThat(outcomes).filteredOn(Refresh.Rotated.class::isInstance).hasSize(1);
            assertThat(outcomes).contains(Refresh.Refused.REUSED)
                    .filteredOn(r -> !(r instanceof Refresh.Rotated))
                    .allMatch(r -> r == Refresh.Refused.REUSED || r == Refresh.Refused.REVOKED);
        }
        assertThat(sessions.isActive(started.sessionId())).isFalse();
    }

    @EachDatabase
    void anExpiredOrUnknownTokenIsRefused(TestDatabase db) {
        Sessions sessions = sessions(db);
        Sessions.Started started = sessions.start("id-alice");

        assertThat(sessions.refresh("never-issued")).isEqualTo(Refresh.Refused.UNKNOWN);
        clock.advance(TTL);
        assertThat(sessions.refresh(started.refreshToken())).isEqualTo(Refresh.Refused.EXPIRED);
    }

    @EachDatabase
    void aUserCanEndTheirOwnSessionsOnly(TestDatabase db) {
        Sessions sessions = sessions(db);
        Sessions.Started laptop = sessions.start("id-alice");
        Sessions.Started phone = sessions.start("id-alice");
        Sessions.Started bobs = sessions.start("id-bob");

        assertThat(sessions.end(bobs.refreshToken(), "id-alice")).isZero();
        assertThat(sessions.end("never-issued", "id-alice")).isZero();
        assertThat(sessions.end(laptop.refreshToken(), "id-alice")).isEqualTo(1);

        assertThat(sessions.isActive(laptop.sessionId())).isFalse();
        assertThat(sessions.isActive(phone.sessionId())).isTrue();
        assertThat(sessions.endAll("id-alice")).isEqualTo(1);
        assertThat(sessions.isActive(phone.sessionId())).isFalse();
        assertThat(sessions.isActive(bobs.sessionId())).isTrue();
    }

    @EachDatabase
    void pruningDeletesSessionsWhoseTokensAllExpired(TestDatabase db) {
        Sessions sessions = sessions(db);
        Sessions.Started old = sessions.start("id-alice");
        clock.advance(Duration.ofDays(3));
        Sessions.Started recent = sessions.start("id-alice");
        clock.advance(Duration.ofDays(5));

        assertThat(sessions.prune()).isEqualTo(1);

        assertThat(sessions.isActive(old.sessionId())).isFalse();
        assertThat(sessions.isActive(recent.sessionId())).isTrue();
    }

    private Sessions sessions(TestDatabase db) {
        UserRepository users = new UserRepository(db.jdbc());
        users.insert(new UserAccount("id-alice", "alice", "hash", UserAccount.VIEWER, 1));
        users.insert(new UserAccount("id-bob", "bob", "hash", UserAccount.ADMIN, 1));
        return new Sessions(new SessionRepository(db.jdbc()),
                new TransactionTemplate(new JdbcTransactionManager(db.dataSource())), TTL, clock);
    }
}
