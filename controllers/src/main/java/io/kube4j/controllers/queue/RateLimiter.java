package io.kube4j.controllers.queue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * client-go's default controller rate limiter: per-key exponential back-off (5 ms doubling up to
 * 1000 s) combined with an overall token bucket (10 per second, burst 100); the longer wait wins.
 */
public final class RateLimiter<K> {
    private static final long BASE_NANOS = Duration.ofMillis(5).toNanos();
    private static final long MAX_NANOS = Duration.ofSeconds(1000).toNanos();

    private final Ticker ticker;
    private final double qps;
    private final int burst;
    private final Map<K, Integer> failures = new HashMap<>();
    private double tokens;
    private long lastRefill;

    public RateLimiter(Ticker ticker, double qps, int burst) {
        this.ticker = ticker;
        this.qps = qps;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefill = ticker.nanos();
    }

    public static <K> RateLimiter<K> defaults(Ticker ticker) {
        return new RateLimiter<>(ticker, 10, 100);
    }

    /** How long to wait before retrying {@code key}; each call counts one more failure. */
    public synchronized Duration when(K key) {
        int n = failures.merge(key, 1, Integer::sum) - 1;
        long backoff = n >= 40 ? MAX_NANOS : Math.min(MAX_NANOS, BASE_NANOS << n);
        return Duration.ofNanos(Math.max(backoff, bucketDelay()));
    }

    public synchronized void forget(K key) {
        failures.remove(key);
    }

    public synchronized int retries(K key) {
        return failures.getOrDefault(key, 0);
    }

    private long bucketDelay() {
        long now = ticker.nanos();
        tokens = Math.min(burst, tokens + (now - lastRefill) * qps / 1e9);
        lastRefill = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) (-tokens / qps * 1e9);
    }
}
