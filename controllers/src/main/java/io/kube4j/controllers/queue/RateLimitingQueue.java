package io.kube4j.controllers.queue;

/** The queue controllers use: delaying, with rate-limited re-adds for keys whose sync failed. */
public final class RateLimitingQueue<K> extends DelayingQueue<K> {
    private final RateLimiter<K> limiter;

    public RateLimitingQueue(Ticker ticker, RateLimiter<K> limiter, boolean startWaiter) {
        super(ticker, startWaiter);
        this.limiter = limiter;
    }

    public static <K> RateLimitingQueue<K> create() {
        return new RateLimitingQueue<>(Ticker.SYSTEM, RateLimiter.defaults(Ticker.SYSTEM), true);
    }

    public void addRateLimited(K key) {
        addAfter(key, limiter.when(key));
    }

    /** Stops tracking failures of a key that synced. */
    public void forget(K key) {
        limiter.forget(key);
    }

    public int retries(K key) {
        return limiter.retries(key);
    }
}
