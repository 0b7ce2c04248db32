package io.kube4j.store.sqlite;

import io.kube4j.store.KeyValueStore;
import io.kube4j.store.WatchEvent;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One watch: an unbounded queue filled by the writer (which therefore never waits for a
 * listener) and drained by the watch's own virtual thread, which first replays the history.
 * A listener that throws ends its watch; the exception goes to the thread's uncaught handler.
 */
final class SqliteWatch implements KeyValueStore.Watch {

    private final KeyPrefix prefix;
    private final long afterRevision;
    private final Consumer<WatchEvent> listener;
    private final ChangeFeed feed;
    private final LinkedBlockingQueue<WatchEvent> live = new LinkedBlockingQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread deliverer;

    SqliteWatch(KeyPrefix prefix, long afterRevision, Consumer<WatchEvent> listener, ChangeFeed feed) {
        this.prefix = prefix;
        this.afterRevision = afterRevision;
        this.listener = listener;
        this.feed = feed;
    }

    /** Queues the events of one commit that this watch selects; called by the writer thread. */
    void offer(List<WatchEvent> events) {
        for (WatchEvent event : events) {
            if (event.revision() > afterRevision && prefix.matches(event.kv().key())) {
                live.add(event);
            }
        }
    }

    /** Starts delivery: {@code history} first, then live events as they are offered. */
    void start(List<WatchEvent> history) {
        deliverer = Thread.ofVirtual().name("kube4j-watch " + prefix.prefix()).start(() -> deliver(history));
    }

    private void deliver(List<WatchEvent> history) {
        try {
            for (WatchEvent event : history) {
                if (closed.get()) {
                    return;
                }
                listener.accept(event);
            }
            while (!closed.get()) {
                WatchEvent event = live.take();
                if (closed.get()) {
                    return;
                }
                listener.accept(event);
            }
        } catch (InterruptedException e) {
            // close() interrupts the wait for the next event
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        feed.unregister(this);
        Thread thread = deliverer;
        if (thread != null && thread != Thread.currentThread()) {
            thread.interrupt();
        }
    }
}
