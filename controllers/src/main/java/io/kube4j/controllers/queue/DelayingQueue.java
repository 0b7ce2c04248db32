package io.kube4j.controllers.queue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A {@link WorkQueue} that can also add a key after a delay. Due keys are moved into the queue by
 * {@link #releaseDue()}, which a waiter thread calls when the earliest key falls due (tests call it
 * directly after advancing their {@link Ticker}). A key waiting twice keeps the earlier time.
 */
public class DelayingQueue<K> extends WorkQueue<K> {
    private record Waiting<K>(K key, long readyAt) {
    }

    private final Ticker ticker;
    private final PriorityQueue<Waiting<K>> waiting = new PriorityQueue<>((a, b) -> Long.compare(a.readyAt, b.readyAt));
    private final Map<K, Long> readyAt = new HashMap<>();
    private final Thread waiter;

    /** @param startWaiter false in tests that drive {@link #releaseDue()} themselves */
    public DelayingQueue(Ticker ticker, boolean startWaiter) {
        this.ticker = ticker;
        this.waiter = startWaiter ? Thread.ofVirtual().name("delaying-queue").start(this::waitLoop) : null;
    }

    public void addAfter(K key, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            add(key);
            return;
        }
        long at = ticker.nanos() + delay.toNanos();
        synchronized (waiting) {
            Long existing = readyAt.get(key);
            if (existing != null && existing <= at) {
                return;
            }
            if (existing != null) {
                waiting.removeIf(w -> w.key.equals(key));
            }
            readyAt.put(key, at);
            waiting.add(new Waiting<>(key, at));
            waiting.notifyAll();
        }
    }

    /** Queues every key whose delay is over; returns nanos until the next one (or -1 if none). */
    public long releaseDue() {
        synchronized (waiting) {
            long now = ticker.nanos();
            while (!waiting.isEmpty() && waiting.peek().readyAt <= now) {
                Waiting<K> w = waiting.poll();
                readyAt.remove(w.key);
                add(w.key);
            }
            return waiting.isEmpty() ? -1 : waiting.peek().readyAt - now;
        }
    }

    private void waitLoop() {
        while (!isShuttingDown()) {
            try {
                long next = releaseDue();
                synchronized (waiting) {
                    long wait = next < 0 ? 1000 : Math.max(1, next / 1_000_000);
                    waiting.wait(Math.min(wait, 1000));
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void shutDown() {
        super.shutDown();
        if (waiter != null) {
            waiter.interrupt();
        }
    }
}
