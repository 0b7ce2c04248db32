package io.kube4j.apiserver.system;

import io.kube4j.store.KeyValueStore;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts the store's history every interval, up to the revision seen one interval earlier, as
 * the kube-apiserver does with etcd (every 5 minutes by default): recent history stays available for
 * watches and paged lists, older superseded versions are dropped.
 */
public final class Compactor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Compactor.class);

    private final KeyValueStore store;
    private final long intervalSeconds;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("compactor").factory());
    private long previousRevision;

    public Compactor(KeyValueStore store, long intervalSeconds) {
        this.store = store;
        this.intervalSeconds = intervalSeconds;
    }

    public void start() {
        previousRevision = store.currentRevision();
        executor.scheduleWithFixedDelay(this::compactOnce, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    private void compactOnce() {
        long target = previousRevision;
        previousRevision = store.currentRevision();
        if (target > store.compactedRevision()) {
            try {
                store.compact(target);
            } catch (RuntimeException e) {
                LOG.warn("compaction to revision {} failed", target, e);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
