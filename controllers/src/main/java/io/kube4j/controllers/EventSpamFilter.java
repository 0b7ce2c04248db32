package io.kube4j.controllers;

import java.time.Duration;
import java.time.Instant;

/**
 * client-go's spam filter: a token bucket per event source and involved object (burst 25, one token
 * back every 5 minutes), so a component flapping about one object cannot flood the Events.
 */
final class EventSpamFilter {
    static final int BURST = 25;
    static final Duration REFILL_EVERY = Duration.ofMinutes(5);

    private static final class Bucket {
        double tokens = BURST;
        Instant refilledAt;

        Bucket(Instant now) {
            refilledAt = now;
        }
    }

    private final LruCache<String, Bucket> buckets;

    EventSpamFilter(int capacity) {
        buckets = new LruCache<>(capacity);
    }

    /** Takes a token from the bucket of {@code key}; false when it is empty (the event is dropped). */
    boolean tryAccept(String key, Instant now) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(now));
        double elapsed = Math.max(0, Duration.between(bucket.refilledAt, now).toMillis());
        bucket.tokens = Math.min(BURST, bucket.tokens + elapsed / REFILL_EVERY.toMillis());
        bucket.refilledAt = now;
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens -= 1;
        return true;
    }
}
