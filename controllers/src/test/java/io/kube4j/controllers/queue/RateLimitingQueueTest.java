package io.kube4j.controllers.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitingQueueTest {
    private final FakeTicker ticker = new FakeTicker();

    @Test
    void delayedKeysAppearWhenDueAndKeepTheEarlierTime() throws Exception {
        DelayingQueue<String> q = new DelayingQueue<>(ticker, false);
        q.addAfter("a", Duration.ofSeconds(10));
        q.addAfter("a", Duration.ofSeconds(2));
        q.addAfter("b", Duration.ofSeconds(5));
        ticker.advance(Duration.ofSeconds(2));
        q.releaseDue();
        assertEquals("a", q.take(0));
        assertNull(q.take(0));
        ticker.advance(Duration.ofSeconds(3));
        assertEquals(-1, q.releaseDue());
        assertEquals("b", q.take(0));
    }

    @Test
    void failuresBackOffExponentiallyAndForgetResets() {
        RateLimiter<String> limiter = new RateLimiter<>(ticker, 1000, 1000);
        assertEquals(Duration.ofMillis(5), limiter.when("a"));
        assertEquals(Duration.ofMillis(10), limiter.when("a"));
        assertEquals(Duration.ofMillis(20), limiter.when("a"));
        assertEquals(3, limiter.retries("a"));
        limiter.forget("a");
        assertEquals(Duration.ofMillis(5), limiter.when("a"));
        for (int i = 0; i < 60; i++) {
            limiter.when("b");
        }
        assertEquals(Duration.ofSeconds(1000), limiter.when("b"));
    }

    @Test
    void theBucketLimitsRetriesAcrossKeys() {
        RateLimiter<Integer> limiter = new RateLimiter<>(ticker, 10, 2);
        assertEquals(Duration.ofMillis(5), limiter.when(1));
        assertEquals(Duration.ofMillis(5), limiter.when(2));
        assertEquals(Duration.ofMillis(100), limiter.when(3), "third retry waits for a token at 10/s");
    }

    @Test
    void rateLimitedAddGoesThroughTheDelay() throws Exception {
        RateLimitingQueue<String> q = new RateLimitingQueue<>(ticker, new RateLimiter<>(ticker, 1000, 1000), false);
        q.addRateLimited("a");
        q.releaseDue();
        assertNull(q.take(0));
        ticker.advance(Duration.ofMillis(5));
        q.releaseDue();
        assertEquals("a", q.take(0));
    }
}
