package io.kube4j.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What one watcher has received: it finds in each event the {@code seq} label of the write that
 * caused it, and records the lag from the moment that write was sent. Complete once it has seen
 * the expected number of events.
 */
final class WatcherProgress implements ApiTarget.WatchSink {
    private static final String SEQ_LABEL = "\"seq\":\"";
    private static final String BOOKMARK = "\"type\":\"BOOKMARK\"";

    private final AtomicLongArray sentAt;
    private final long[] lags;
    private final CompletableFuture<Long> completedAt = new CompletableFuture<>();
    private volatile int received;

    WatcherProgress(AtomicLongArray sentAt) {
        this.sentAt = sentAt;
        this.lags = new long[sentAt.length()];
    }

    /** Called on the watch's delivery thread, one event at a time; bookmarks carry no change and are skipped. */
    @Override
    public void onEvent(String eventJson) {
        long now = System.nanoTime();
        if (eventJson.startsWith(BOOKMARK, 1)) {
            return;
        }
        int seq = seqOf(eventJson);
        if (received >= lags.length) {
            return;
        }
        lags[received] = now - sentAt.get(seq);
        received++;
        if (received == lags.length) {
            completedAt.complete(now);
        }
    }

    @Override
    public void onFailure(Throwable failure) {
        completedAt.completeExceptionally(failure);
    }

    private int seqOf(String eventJson) {
        int start = eventJson.indexOf(SEQ_LABEL);
        if (start < 0) {
            IllegalStateException unexpected = new IllegalStateException("unexpected watch event: "
                    + eventJson.substring(0, Math.min(300, eventJson.length())));
            completedAt.completeExceptionally(unexpected);
            throw unexpected;
        }
        start += SEQ_LABEL.length();
        return Integer.parseInt(eventJson, start, eventJson.indexOf('"', start), 10);
    }

    /** Completes with the System.nanoTime() of the last expected event. */
    CompletableFuture<Long> completedAt() {
        return completedAt;
    }

    int received() {
        return received;
    }

    /** The lags recorded so far; read after {@link #completedAt()} completed. */
    long[] lags() {
        return lags;
    }
}
