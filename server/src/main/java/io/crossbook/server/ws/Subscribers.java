package io.crossbook.server.ws;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is subscribed to each channel. Subscriptions change rarely and publications are frequent,
 * so each channel holds an immutable array that publishers read without locking and that
 * (un)subscribing replaces.
 */
final class Subscribers {
    private static final Subscription[] NONE = new Subscription[0];

    private final Map<String, Subscription[]> byChannel = new ConcurrentHashMap<>();

    Subscription[] of(String channel) {
        return byChannel.getOrDefault(channel, NONE);
    }

    void add(String channel, Subscription subscription) {
        byChannel.merge(channel, new Subscription[] {subscription}, (current, added) -> {
            Subscription[] grown = Arrays.copyOf(current, current.length + 1);
            grown[current.length] = subscription;
            return grown;
        });
    }

    void remove(String channel, Subscription subscription) {
        byChannel.computeIfPresent(channel, (c, current) -> {
            Subscription[] kept = Arrays.stream(current).filter(s -> s != subscription).toArray(Subscription[]::new);
            return kept.length == 0 ? null : kept;
        });
    }
}
