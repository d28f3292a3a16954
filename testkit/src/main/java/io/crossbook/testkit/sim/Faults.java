package io.crossbook.testkit.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The simulator's fault injection. Each fault is armed for the next {@code n} requests or messages
 * it matches and disarms itself once used up; faults of one sort are used in the order they were
 * armed. Request faults take an optional {@link RequestKind} (default any request). Thread-safe:
 * tests arm faults while the server answers.
 */
public final class Faults {
    /** The default time an answer is held by {@link #timeoutAfterAccept(int)}: longer than any client's timeout in a test. */
    public static final Duration DEFAULT_HOLD = Duration.ofSeconds(30);

    /** An HTTP status to answer instead of serving the request; {@code retryAfter} for 429 and 418. */
    record StatusFault(int status, Duration retryAfter) {
    }

    /** An order refusal in the exchange's own code and message. */
    record Rejection(String code, String message) {
    }

    private static final class Armed<T> {
        final RequestKind target;
        final T value;
        int left;

        Armed(RequestKind target, int n, T value) {
            if (n < 1) {
                throw new IllegalArgumentException("a fault is armed for at least one request or message, was " + n);
            }
            this.target = Objects.requireNonNull(target, "target");
            this.value = Objects.requireNonNull(value, "value");
            this.left = n;
        }
    }

    private final Runnable disconnectAll;
    private final List<Armed<Duration>> delays = new ArrayList<>();
    private final List<Armed<StatusFault>> statuses = new ArrayList<>();
    private final List<Armed<Rejection>> rejections = new ArrayList<>();
    private final List<Armed<Duration>> holds = new ArrayList<>();
    private final List<Armed<BigDecimal>> partialFills = new ArrayList<>();
    /** The stream each drop is aimed at, {@link #ANY_STREAM} for any. */
    private final List<Armed<String>> depthDrops = new ArrayList<>();
    private final List<Armed<Corruption>> corruptions = new ArrayList<>();

    private volatile boolean refusingConnections;

    private static final String ANY_STREAM = "";

    private record Corruption(String stream, UnaryOperator<String> change) {
    }

    Faults(Runnable disconnectAll) {
        this.disconnectAll = disconnectAll;
    }

    /** Holds the answers to the next {@code n} requests for {@code delay} before sending them. */
    public synchronized Faults delayResponses(int n, Duration delay) {
        return delayResponses(n, delay, RequestKind.ANY);
    }

    public synchronized Faults delayResponses(int n, Duration delay, RequestKind target) {
        delays.add(new Armed<>(target, n, delay));
        return this;
    }

    /**
     * Refuses the next {@code n} order placements with the exchange's error {@code code} and
     * {@code message} (e.g. Binance {@code -2010}, "Account has insufficient balance for requested
     * action."); nothing is booked.
     */
    public synchronized Faults rejectNextOrders(int n, String code, String message) {
        rejections.add(new Armed<>(RequestKind.PLACE_ORDER, n, new Rejection(code, message)));
        return this;
    }

    /**
     * Answers the next {@code n} requests with HTTP 429 and {@code retryAfter}; like a real limit, a
     * client that sends again before {@code retryAfter} has passed is banned (418).
     */
    public synchronized Faults rateLimitNext(int n, Duration retryAfter) {
        return rateLimitNext(n, retryAfter, RequestKind.ANY);
    }

    public synchronized Faults rateLimitNext(int n, Duration retryAfter, RequestKind target) {
        statuses.add(new Armed<>(target, n, new StatusFault(429, retryAfter)));
        return this;
    }

    /** Answers the next {@code n} requests with HTTP 418 (banned) for {@code retryAfter}; every request until then gets 418 too. */
    public synchronized Faults banNext(int n, Duration retryAfter) {
        return banNext(n, retryAfter, RequestKind.ANY);
    }

    public synchronized Faults banNext(int n, Duration retryAfter, RequestKind target) {
        statuses.add(new Armed<>(target, n, new StatusFault(418, retryAfter)));
        return this;
    }

    /** Answers the next {@code n} requests with the 5xx {@code status} without serving them. */
    public synchronized Faults serverErrorNext(int n, int status) {
        return serverErrorNext(n, status, RequestKind.ANY);
    }

    public synchronized Faults serverErrorNext(int n, int status, RequestKind target) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error is a 5xx status, was " + status);
        }
        statuses.add(new Armed<>(target, n, new StatusFault(status, Duration.ZERO)));
        return this;
    }

    /** {@link #timeoutAfterAccept(int, Duration)} holding each answer for {@link #DEFAULT_HOLD}. */
    public synchronized Faults timeoutAfterAccept(int n) {
        return timeoutAfterAccept(n, DEFAULT_HOLD);
    }

    /**
     * The next {@code n} accepted orders are booked (and fill) as usual, but their HTTP answer is held
     * for {@code hold}, longer than the client waits, and then the connection is dropped without one:
     * the client cannot tell whether its order exists. Refused orders do not use this fault up.
     */
    public synchronized Faults timeoutAfterAccept(int n, Duration hold) {
        holds.add(new Armed<>(RequestKind.PLACE_ORDER, n, hold));
        return this;
    }

    /**
     * The next {@code n} market or IOC orders fill only {@code fraction} of their quantity (rounded down
     * to whole lots) however deep the book is; the rest expires.
     */
    public synchronized Faults partialFill(int n, BigDecimal fraction) {
        if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a fill fraction is between 0 and 1, was " + fraction.toPlainString());
        }
        partialFills.add(new Armed<>(RequestKind.PLACE_ORDER, n, fraction));
        return this;
    }

    /**
     * The next {@code n} replayed depth messages change the exchange's book but are sent to no one: a
     * gap in the update-id sequence the clients see.
     */
    public synchronized Faults dropNextDepthMessages(int n) {
        return dropNextDepthMessages(n, ANY_STREAM);
    }

    /** {@link #dropNextDepthMessages(int)} on the public stream named {@code stream} (in the exchange's spelling) only. */
    public synchronized Faults dropNextDepthMessages(int n, String stream) {
        depthDrops.add(new Armed<>(RequestKind.ANY, n, stream));
        return this;
    }

    /**
     * The next {@code n} replayed depth messages are sent through {@code corruption} (the exchange's
     * book takes the original): a wrong checksum, a bad field.
     */
    public synchronized Faults corruptNextDepthMessages(int n, UnaryOperator<String> corruption) {
        return corruptNextDepthMessages(n, ANY_STREAM, corruption);
    }

    /** {@link #corruptNextDepthMessages(int, UnaryOperator)} on the public stream named {@code stream} only. */
    public synchronized Faults corruptNextDepthMessages(int n, String stream, UnaryOperator<String> corruption) {
        corruptions.add(new Armed<>(RequestKind.ANY, n, new Corruption(stream, corruption)));
        return this;
    }

    /** Closes every public and private WebSocket connection now (clients may connect again). */
    public void disconnectAll() {
        disconnectAll.run();
    }

    /**
     * While {@code refuse} is true every new WebSocket connection is refused at the handshake, as by an
     * exchange that is down (REST is still served); connections already open are left alone. With
     * {@link #disconnectAll()} it keeps every client away for as long as a test needs.
     */
    public void refuseConnections(boolean refuse) {
        refusingConnections = refuse;
    }

    boolean refusingConnections() {
        return refusingConnections;
    }

    /** Disarms every fault and accepts connections again. */
    public synchronized void clear() {
        List.of(delays, statuses, rejections, holds, partialFills, depthDrops, corruptions).forEach(List::clear);
        refusingConnections = false;
    }

    synchronized Duration takeDelay(RequestKind kind) {
        return take(delays, a -> a.target.matches(kind));
    }

    synchronized StatusFault takeStatus(RequestKind kind) {
        return take(statuses, a -> a.target.matches(kind));
    }

    synchronized Rejection takeRejection(RequestKind kind) {
        return take(rejections, a -> a.target.matches(kind));
    }

    synchronized Duration takeHold(RequestKind kind) {
        return take(holds, a -> a.target.matches(kind));
    }

    synchronized BigDecimal takePartialFill() {
        return take(partialFills, a -> true);
    }

    synchronized boolean takeDepthDrop(String stream) {
        return take(depthDrops, a -> a.value.equals(ANY_STREAM) || a.value.equals(stream)) != null;
    }

    synchronized UnaryOperator<String> takeCorruption(String stream) {
        Corruption corruption = take(corruptions, a -> a.value.stream().equals(ANY_STREAM) || a.value.stream().equals(stream));
        return corruption == null ? null : corruption.change();
    }

    private static <T> T take(List<Armed<T>> armed, Predicate<Armed<T>> matching) {
        for (Iterator<Armed<T>> it = armed.iterator(); it.hasNext(); ) {
            Armed<T> a = it.next();
            if (matching.test(a)) {
                if (--a.left == 0) {
                    it.remove();
                }
                return a.value;
            }
        }
        return null;
    }
}
