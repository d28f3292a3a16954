package io.crossbook.server.replay;

import java.util.Locale;

/** Replay pace: {@code max} (as fast as possible) or {@code Nx} times the recorded pace. */
public record Speed(double factor) {
    public static final Speed MAX = new Speed(0);

    public static Speed parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("max")) {
            return MAX;
        }
        if (s.endsWith("x")) {
            try {
                double f = Double.parseDouble(s.substring(0, s.length() - 1));
                if (f > 0 && Double.isFinite(f)) {
                    return new Speed(f);
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw new IllegalArgumentException("--speed must be max, 1x or Nx (N > 0), not '" + text + "'");
    }

    public boolean isMax() {
        return factor == 0;
    }

    /** How long a recorded interval takes to replay at this pace; zero at {@code max}. */
    public long wallNanos(long recordedNanos) {
        return isMax() ? 0 : (long) (recordedNanos / factor);
    }

    @Override
    public String toString() {
        return isMax() ? "max" : factor + "x";
    }
}
