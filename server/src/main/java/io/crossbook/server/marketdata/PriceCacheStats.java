package io.crossbook.server.marketdata;

/**
 * Book reads served from the snapshot cache ({@code hits}) or from the feed thread ({@code misses})
 * since the start; {@code hitRate} is hits over all reads, 0 before the first.
 */
public record PriceCacheStats(long hits, long misses, double hitRate) {
}
