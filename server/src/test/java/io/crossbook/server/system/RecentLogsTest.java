package io.crossbook.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RecentLogsTest {

    private static List<RecentLogs.LogEntry> ours(Level level, int limit) {
        return RecentLogs.recent(level, limit).stream().filter(e -> e.logger().equals("recent-logs-test")).toList();
    }

    @Test
    void keepsTheNewestEventsAtOrAboveTheLevelNewestFirst() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        RecentLogs appender = new RecentLogs();
        appender.setContext(context);
        appender.start();
        Logger log = context.getLogger("recent-logs-test");
        log.setAdditive(false);
        log.addAppender(appender);
        try {
            log.info("collector {} started", "binance:linear");
            log.warn("book BTCUSDT out of sync");
            log.error("snapshot failed", new IllegalStateException("HTTP 503"));

            assertThat(ours(Level.INFO, RecentLogs.CAPACITY)).extracting(RecentLogs.LogEntry::message)
                    .containsExactly("snapshot failed", "book BTCUSDT out of sync", "collector binance:linear started");
            assertThat(ours(Level.WARN, RecentLogs.CAPACITY)).extracting(RecentLogs.LogEntry::level)
                    .containsExactly("ERROR", "WARN");
            assertThat(ours(Level.ERROR, RecentLogs.CAPACITY).getFirst().error())
                    .isEqualTo("java.lang.IllegalStateException: HTTP 503");
            assertThat(RecentLogs.recent(Level.TRACE, 2)).hasSize(2);
        } finally {
            log.detachAppender(appender);
        }
    }

    @Test
    void forgetsTheOldestBeyondItsCapacity() {
        for (int i = 0; i < RecentLogs.CAPACITY + 10; i++) {
            RecentLogs.add(new RecentLogs.LogEntry(i, "INFO", "capacity-test", "main", "line " + i, null));
        }
        List<RecentLogs.LogEntry> all = RecentLogs.recent(Level.TRACE, RecentLogs.CAPACITY + 10);
        assertThat(all).hasSize(RecentLogs.CAPACITY);
        assertThat(all.getFirst().message()).isEqualTo("line " + (RecentLogs.CAPACITY + 9));
        assertThat(all.getLast().message()).isEqualTo("line 10");
    }
}
