package io.kube4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * W3: some watchers on the ConfigMaps of a fresh namespace, then writes to it (half creates, then
 * as many updates of those) from concurrent clients; measures how long until every watcher has
 * received every event, and each event's lag from the moment its write was sent.
 */
final class WatchFanout {

    /** The delivery of {@code events} events to each of {@code watchers} watchers. */
    record Result(int watchers, int events, long elapsedNanos, Latencies lags, ConcurrentLoad.Result writes) {
        double deliveredPerSecond() {
            return (double) watchers * events / (elapsedNanos / 1e9);
        }
    }

    private final ApiTarget target;
    private final String namespace;
    private final String collection;
    private final AtomicLongArray sentAt;
    private final List<WatcherProgress> progress = new ArrayList<>();
    private final List<ApiTarget.Watch> watches = new ArrayList<>();

    private WatchFanout(ApiTarget target, String namespace, int events) {
        this.target = target;
        this.namespace = namespace;
        this.collection = "/api/v1/namespaces/" + namespace + "/configmaps";
        this.sentAt = new AtomicLongArray(events);
    }

    static Result run(ApiTarget target, String namespace, int watchers, int events, int clients) {
        WatchFanout fanout = new WatchFanout(target, namespace, events);
        try (ApiClient watchConnection = target.connect(); ClientPool writers = ClientPool.connect(target, clients)) {
            writers.get(0).create("/api/v1/namespaces", Manifests.namespace(namespace));
            String resourceVersion = writers.get(0).collectionResourceVersion(fanout.collection);
            try {
                fanout.openWatches(watchConnection, resourceVersion, watchers);
                return fanout.writeAndAwait(writers);
            } finally {
                fanout.watches.forEach(ApiTarget.Watch::close);
            }
        }
    }

    private void openWatches(ApiClient connection, String resourceVersion, int watchers) {
        for (int i = 0; i < watchers; i++) {
            WatcherProgress watcher = new WatcherProgress(sentAt);
            progress.add(watcher);
            watches.add(target.watchConfigMaps(connection, namespace, resourceVersion, watcher));
        }
    }

    private Result writeAndAwait(ClientPool writers) {
        int events = sentAt.length();
        int creates = events - events / 2;
        long start = System.nanoTime();
        ConcurrentLoad.Result created = ConcurrentLoad.run(creates, writers.size(), worker -> index -> {
            sentAt.set(index, System.nanoTime());
            writers.get(worker).create(collection, Manifests.configMap(namespace, index, index));
        });
        ConcurrentLoad.Result updated = ConcurrentLoad.run(events - creates, writers.size(), worker -> index -> {
            int seq = creates + index;
            sentAt.set(seq, System.nanoTime());
            writers.get(worker).replace(collection + "/" + Manifests.configMapName(index),
                    Manifests.configMap(namespace, index, seq));
        });
        long end = awaitAll(start);
        long[] lags = new long[progress.size() * events];
        for (int i = 0; i < progress.size(); i++) {
            System.arraycopy(progress.get(i).lags(), 0, lags, i * events, events);
        }
        ConcurrentLoad.Result writes = new ConcurrentLoad.Result(events, created.elapsedNanos() + updated.elapsedNanos(),
                created.latencies().merge(updated.latencies()));
        return new Result(progress.size(), events, end - start, new Latencies(lags), writes);
    }

    /** Waits for every watcher, allowing 2 minutes plus 0.5 ms per event delivered; returns the last completion. */
    private long awaitAll(long start) {
        int events = sentAt.length();
        long deadline = start + TimeUnit.SECONDS.toNanos(120) + TimeUnit.MICROSECONDS.toNanos(500L * events * progress.size());
        long last = 0;
        for (WatcherProgress watcher : progress) {
            try {
                last = Math.max(last, watcher.completedAt().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                throw new IllegalStateException("watchers did not receive all " + events + " events in time; received: "
                        + progress.stream().map(p -> Integer.toString(p.received())).distinct().toList(), e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a watcher failed after " + watcher.received() + " events: "
                        + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for watchers", e);
            }
        }
        return last;
    }
}
