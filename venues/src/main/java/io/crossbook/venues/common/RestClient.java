package io.crossbook.venues.common;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Public REST GETs within each exchange's request-weight budget: one limiter per host, shared by
 * every connection to it, and a host-wide pause when the exchange answers 429 or 418 (for as long
 * as its Retry-After says).
 */
public final class RestClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, Long> pausedUntil = new ConcurrentHashMap<>();
    private final Executor waiting = Executors.newVirtualThreadPerTaskExecutor();

    public RestClient(HttpClient http) {
        this.http = http;
    }

    public HttpClient http() {
        return http;
    }

    /** GETs a body, waiting for request weight first; fails with {@link ExchangeUnavailableException}. */
    public CompletableFuture<String> get(URI uri, int weight, int weightPerMinute) {
        String host = uri.getHost();
        RateLimiter limiter = limiters.computeIfAbsent(host, h -> RateLimiter.of(h, RateLimiterConfig.custom()
                .limitForPeriod(weightPerMinute)
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ofMinutes(2))
                .build()));
        return CompletableFuture.supplyAsync(() -> {
            long pause = pausedUntil.getOrDefault(host, 0L) - System.currentTimeMillis();
            if (pause > 0) {
                throw new ExchangeUnavailableException(host + " asked us to back off for another " + pause / 1000 + " s", null);
            }
            if (!limiter.acquirePermission(weight)) {
                throw new ExchangeUnavailableException("request weight budget for " + host + " exhausted", null);
            }
            return null;
        }, waiting).thenCompose(ignored -> http.sendAsync(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString())).handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error.getCause() != null ? error.getCause() : error;
                        if (cause instanceof ExchangeUnavailableException e) {
                            throw e;
                        }
                        throw new ExchangeUnavailableException("GET " + uri.getHost() + uri.getPath() + " failed: "
                                + describe(cause), cause);
                    }
                    int status = response.statusCode();
                    if (status == 429 || status == 418) {
                        long seconds = response.headers().firstValueAsLong("Retry-After").orElse(60);
                        pausedUntil.put(host, System.currentTimeMillis() + seconds * 1000);
                        throw new ExchangeUnavailableException(host + " answered " + status + ": backing off " + seconds + " s", null);
                    }
                    if (status != 200) {
                        throw new ExchangeUnavailableException("GET " + uri.getHost() + uri.getPath() + " answered HTTP "
                                + status + ": " + abbreviate(response.body()), null);
                    }
                    return response.body();
                });
    }

    /** A one-line cause, down to the root: "ConnectException: UnresolvedAddressException (no DNS answer)". */
    public static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String message = c.getMessage();
            sb.append(sb.isEmpty() ? "" : ": ").append(c.getClass().getSimpleName());
            if (c instanceof java.nio.channels.UnresolvedAddressException) {
                sb.append(" (host name not resolvable: no DNS or no network)");
            } else if (message != null && !message.isBlank()) {
                sb.append(" (").append(message).append(')');
            }
        }
        return sb.toString();
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
