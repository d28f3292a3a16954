package io.crossbook.testkit.sim;

/**
 * One REST request the simulator received: when ({@link System#nanoTime()} at arrival), what, the
 * documented weight it counts for in {@code limitGroup}, and the HTTP status it was answered with
 * (0 when the connection was dropped without an answer).
 */
public record LoggedRequest(long nanoTime, String method, String path, RequestKind kind, String limitGroup, int weight,
                            int status) {
}
