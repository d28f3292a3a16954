package io.crossbook.server.observability;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The access log ({@code crossbook.access}) and the API's latency metrics. Every mutation and
 * every response of 400 or more is logged; a successful GET is logged the first time its path is
 * seen in a minute, so dashboards polling the API do not drown the log. Ordered before Spring
 * Security so refused requests are logged and timed too. Only the path is logged, never the query
 * string (a WebSocket handshake may carry a token there).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class AccessLogFilter extends OncePerRequestFilter {
    private static final Logger ACCESS = LoggerFactory.getLogger("crossbook.access");

    private final ApiMetrics metrics;
    private final Cache<String, Boolean> recentGets = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(10_000)
            .build();

    public AccessLogFilter(ApiMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long nanos = System.nanoTime() - start;
            String path = request.getRequestURI();
            int status = response.getStatus();
            if (path.startsWith("/api/")) {
                metrics.record(nanos, status);
            }
            if (shouldLog(request.getMethod(), path, status)) {
                ACCESS.atInfo()
                        .addKeyValue("method", request.getMethod())
                        .addKeyValue("path", path)
                        .addKeyValue("status", status)
                        .addKeyValue("durationMs", ApiMetrics.round(nanos / 1e6))
                        .addKeyValue("client", request.getRemoteAddr())
                        .log("{} {} {} {} ms", request.getMethod(), path, status, ApiMetrics.round(nanos / 1e6));
            }
        }
    }

    private boolean shouldLog(String method, String path, int status) {
        if (status >= 400 || !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method))) {
            return true;
        }
        return recentGets.asMap().putIfAbsent(method + " " + path, Boolean.TRUE) == null;
    }
}
