package io.crossbook.server.system;

/**
 * A part of the platform that {@code /api/system/status} reports on and that system start and
 * stop drive. Modules without a lifecycle of their own (the database) only report.
 */
public interface SystemModule {

    String name();

    Health health();

    /** Figures for {@code performance.<name>} in the status, or null when the module has none. */
    default Object performance() {
        return null;
    }

    default void start() {
    }

    default void stop() {
    }

    /**
     * {@code status}: what the module is doing ({@code RUNNING}, {@code STOPPED}, ...);
     * {@code health}: {@code UP}, {@code DEGRADED} or {@code DOWN}; {@code detail}: why, for people.
     */
    record Health(String status, String health, String detail) {
        public static Health up(String status, String detail) {
            return new Health(status, "UP", detail);
        }
    }
}
