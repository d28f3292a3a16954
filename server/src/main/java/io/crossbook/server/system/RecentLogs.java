package io.crossbook.server.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;

/**
 * A logback appender keeping the most recent log events in memory for {@code GET
 * /api/system/logs}. Logback creates it from the logging configuration, before Spring exists,
 * hence the one static buffer.
 */
public final class RecentLogs extends AppenderBase<ILoggingEvent> {
    static final int CAPACITY = 2_000;

    private static final LogEntry[] RING = new LogEntry[CAPACITY];
    private static long written;

    /** One log line as the API shows it; {@code ts} is epoch milliseconds. */
    public record LogEntry(long ts, String level, String logger, String thread, String message, String error) {
    }

    @Override
    protected void append(ILoggingEvent e) {
        IThrowableProxy t = e.getThrowableProxy();
        add(new LogEntry(e.getTimeStamp(), e.getLevel().toString(), e.getLoggerName(), e.getThreadName(),
                e.getFormattedMessage(), t == null ? null : t.getClassName() + ": " + t.getMessage()));
    }

    static synchronized void add(LogEntry entry) {
        RING[(int) (written++ % CAPACITY)] = entry;
    }

    /** The newest {@code limit} entries at {@code minimum} level or above, newest first. */
    public static synchronized List<LogEntry> recent(Level minimum, int limit) {
        List<LogEntry> out = new ArrayList<>(Math.min(limit, CAPACITY));
        for (long i = written - 1; i >= Math.max(0, written - CAPACITY) && out.size() < limit; i--) {
            LogEntry e = RING[(int) (i % CAPACITY)];
            if (Level.toLevel(e.level()).isGreaterOrEqual(minimum)) {
                out.add(e);
            }
        }
        return out;
    }
}
