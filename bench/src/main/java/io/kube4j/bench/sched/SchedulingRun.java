package io.kube4j.bench.sched;

import io.kube4j.bench.ApiClient;
import io.kube4j.bench.ClientPool;
import io.kube4j.bench.ConcurrentLoad;
import io.kube4j.bench.Latencies;
import io.kube4j.bench.Manifests;
import java.time.Duration;

/**
 * SchedulingBasic: pods with cpu and memory requests created in a fresh namespace from concurrent
 * clients while a watch notes when each one is bound (the MODIFIED event carrying spec.nodeName)
 * and when it runs on its simulated node.
 */
final class SchedulingRun {
    static final String NAMESPACE = "sched-bench";
    private static final String POD_PREFIX = "sched";
    /** The watch records the instants; polling only notices that they are all in. */
    private static final long WATCH_POLL_MILLIS = 100;

    /**
     * @param createsPerSecond how fast the clients created the pods
     * @param latency          create→bound: from the create's response to the bound event's arrival
     * @param boundBeforeCreated binds seen before the create call returned (their latency counts as 0)
     * @param allRunningSeconds from the first create until every pod was Running
     */
    record Result(int pods, double createsPerSecond, Throughput throughput, Latencies latency, int boundBeforeCreated,
                  double allRunningSeconds, PhaseCost cost) {
    }

    private SchedulingRun() {
    }

    static Result measure(SimulatedCluster cluster, int pods, int clients, Duration timeout) {
        PhaseCost.Meter meter = new PhaseCost.Meter(cluster);
        String collection = "/api/v1/namespaces/" + NAMESPACE + "/pods";
        PodProgress progress = new PodProgress(POD_PREFIX, pods);
        try (ClientPool pool = ClientPool.connect(cluster.server(), clients);
             ApiClient watchClient = cluster.connect()) {
            pool.get(0).create("/api/v1/namespaces", Manifests.namespace(NAMESPACE));
            try (ResumingWatch watch = ResumingWatch.start(watchClient, collection, progress)) {
                long[] createdAt = new long[pods];
                long start = System.nanoTime();
                long deadline = start + timeout.toNanos();
                Progress.log("creating %,d pods from %d clients", pods, clients);
                ConcurrentLoad.Result created = ConcurrentLoad.run(pods, pool.size(), worker -> index -> {
                    pool.get(worker).create(collection, SchedulingManifests.pod(NAMESPACE,
                            SchedulingManifests.podName(POD_PREFIX, index), "default-scheduler"));
                    createdAt[index] = System.nanoTime();
                });
                Await.until("pods bound", deadline, WATCH_POLL_MILLIS, () -> {
                    watch.checkHealthy();
                    return progress.bound() == pods;
                }, progress::state);
                long[] boundAt = progress.boundAt();
                Await.until("pods Running", deadline, WATCH_POLL_MILLIS, () -> {
                    watch.checkHealthy();
                    return progress.running() == pods;
                }, progress::state);
                long lastRunning = max(progress.runningAt());
                long[] latencies = new long[pods];
                int early = 0;
                for (int i = 0; i < pods; i++) {
                    latencies[i] = Math.max(0, boundAt[i] - createdAt[i]);
                    early += boundAt[i] < createdAt[i] ? 1 : 0;
                }
                return new Result(pods, created.perSecond(), Throughput.of(start, boundAt), new Latencies(latencies),
                        early, (lastRunning - start) / 1e9, meter.stop("scheduling"));
            }
        }
    }

    private static long max(long[] values) {
        long max = Long.MIN_VALUE;
        for (long value : values) {
            max = Math.max(max, value);
        }
        return max;
    }
}
