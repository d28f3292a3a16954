package io.crossbook.server.ws;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code crossbook.ws.*}: the bounds of the WebSocket gateway.
 *
 * @param authTimeout     how long a connection may stay unauthenticated before it is closed
 * @param priceInterval   the shortest gap between two {@code price_update}s of one instrument to one client
 * @param queueCapacity   frames (other than coalesced prices) a client may have waiting; beyond it the client is dropped
 * @param sendTimeout     how long one send may stall before the client is dropped
 * @param maxChannels     channels one client may subscribe to
 * @param maxInboundBytes the largest frame a client may send
 * @param maxLogChars     the longest {@code data} of a front-end {@code log} op that is recorded in full
 * @param logsPerSecond   front-end {@code log} ops recorded per client per second; more are refused
 * @param allowedOrigins  browser origins allowed to open the socket (patterns); tokens, not cookies, authenticate
 */
@ConfigurationProperties("crossbook.ws")
public record WsProperties(
        @DefaultValue("5s") Duration authTimeout,
        @DefaultValue("100ms") Duration priceInterval,
        @DefaultValue("1024") int queueCapacity,
        @DefaultValue("3s") Duration sendTimeout,
        @DefaultValue("200") int maxChannels,
        @DefaultValue("16384") int maxInboundBytes,
        @DefaultValue("2000") int maxLogChars,
        @DefaultValue("20") int logsPerSecond,
        @DefaultValue("*") List<String> allowedOrigins) {

    public WsProperties {
        requirePositive("auth-timeout", authTimeout);
        requirePositive("price-interval", priceInterval);
        requirePositive("send-timeout", sendTimeout);
        requirePositive("queue-capacity", queueCapacity);
        requirePositive("max-channels", maxChannels);
        requirePositive("max-inbound-bytes", maxInboundBytes);
        requirePositive("max-log-chars", maxLogChars);
        requirePositive("logs-per-second", logsPerSecond);
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    private static void requirePositive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("crossbook.ws." + key + " must be a positive duration, not " + value);
        }
    }

    private static void requirePositive(String key, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("crossbook.ws." + key + " must be positive, not " + value);
        }
    }
}
