package io.kube4j.bench;

import java.util.Arrays;

/**
 * Runs the workloads W1–W3 against one target, in order, each in namespaces of its own, and
 * collects the figures; a failing phase is recorded and the next one still runs.
 */
final class TargetRun {
    static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io";
    private static final String CONFIGMAPS = "/api/v1/namespaces/%s/configmaps";
    private static final String PODS = "/api/v1/namespaces/%s/pods";

    private final ApiTarget target;
    private final BenchSettings settings;
    private final Figures figures = new Figures();

    private TargetRun(ApiTarget target, BenchSettings settings) {
        this.target = target;
        this.settings = settings;
    }

    static Figures measure(ApiTarget target, BenchSettings settings) {
        TargetRun run = new TargetRun(target, settings);
        run.recordMemory("start");
        run.phase("warm-up", run::warmUp);
        run.phase("W1", run::createConfigMaps);
        run.phase("W2", run::createAndListPods);
        run.phase("W3 1 watcher", () -> run.fanOut(1));
        if (settings.watchers() > 1) {
            run.phase("W3 " + settings.watchers() + " watchers", () -> run.fanOut(settings.watchers()));
        }
        return run.figures;
    }

    private void phase(String name, Runnable phase) {
        long start = System.nanoTime();
        progress(name + " ...");
        try {
            phase.run();
            progress("%s done in %.1f s".formatted(name, (System.nanoTime() - start) / 1e9));
        } catch (RuntimeException e) {
            figures.fail(name, e);
            progress(name + " FAILED: " + e.getMessage());
        }
        recordMemory(name);
    }

    /** JIT-compiles the client and the server paths before anything is measured (not reported). */
    private void warmUp() {
        createConfigMaps("bench-warmup", Math.max(100, settings.configMaps() / 20));
    }

    /** The headline figure, W1's write rate, also compared with the raw store's. */
    static Metric configMapWrites(BenchSettings settings) {
        return Metric.rate(configMapLoad(settings) + ": writes/s");
    }

    private static String configMapLoad(BenchSettings settings) {
        return "W1 create %,d ConfigMaps, %d clients".formatted(settings.configMaps(), settings.clients());
    }

    private void createConfigMaps() {
        ConcurrentLoad.Result result = createConfigMaps("bench-configmaps", settings.configMaps());
        String load = configMapLoad(settings);
        figures.put(configMapWrites(settings), result.perSecond());
        figures.put(Metric.millis(load + ": latency p50 (ms)"), result.latencies().percentileMillis(50));
        figures.put(Metric.millis(load + ": latency p99 (ms)"), result.latencies().percentileMillis(99));
    }

    private ConcurrentLoad.Result createConfigMaps(String namespace, int count) {
        String collection = CONFIGMAPS.formatted(namespace);
        try (ClientPool clients = ClientPool.connect(target, settings.clients())) {
            clients.get(0).create("/api/v1/namespaces", Manifests.namespace(namespace));
            return ConcurrentLoad.run(count, clients.size(),
                    worker -> index -> clients.get(worker).create(collection, Manifests.configMap(namespace, index, index)));
        }
    }

    private void createAndListPods() {
        String namespace = "bench-pods";
        String collection = PODS.formatted(namespace);
        int count = settings.pods();
        try (ClientPool clients = ClientPool.connect(target, settings.clients())) {
            clients.get(0).create("/api/v1/namespaces", Manifests.namespace(namespace));
            ConcurrentLoad.Result created = ConcurrentLoad.run(count, clients.size(),
                    worker -> index -> clients.get(worker).create(collection, Manifests.pod(namespace, index)));
            figures.put(Metric.rate("W2 create %,d pods, %d clients: writes/s".formatted(count, settings.clients())),
                    created.perSecond());
            listAsTable(clients.get(0), collection, count);
        }
    }

    private void listAsTable(ApiClient client, String collection, int expected) {
        long[] nanos = new long[settings.listRepeats()];
        ApiClient.Body body = null;
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            body = client.get(collection, TABLE);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        String list = "W2 LIST %,d pods as Table".formatted(expected);
        figures.put(Metric.millis(list + ": median of %d (ms)".formatted(nanos.length)), nanos[nanos.length / 2] / 1e6);
        figures.put(Metric.size(list + ": response (KiB)"), body.bytes().length / 1024.0);
        ListShape shape = ListShape.of(body.bytes());
        if (!shape.kind().equals("Table")) {
            figures.note("%s answers the Table request with kind %s (Content-Type: %s), not a Table"
                    .formatted(target.name(), shape.kind(), body.contentType().isEmpty() ? "none" : body.contentType()));
        }
        if (shape.entries() != expected) {
            figures.note("%s's pod list holds %d entries, expected %d".formatted(target.name(), shape.entries(), expected));
        }
    }

    private void fanOut(int watchers) {
        WatchFanout.Result result = WatchFanout.run(target, "bench-watch-" + watchers, watchers, settings.events(),
                settings.clients());
        String load = "W3 %d watcher%s, %,d events".formatted(watchers, watchers == 1 ? "" : "s", settings.events());
        figures.put(Metric.seconds(load + ": all delivered (s)"), result.elapsedNanos() / 1e9);
        figures.put(Metric.rate(load + ": events/s delivered"), result.deliveredPerSecond());
        figures.put(Metric.millis(load + ": event lag p50 (ms)"), result.lags().percentileMillis(50));
        figures.put(Metric.millis(load + ": event lag p99 (ms)"), result.lags().percentileMillis(99));
        figures.put(Metric.rate(load + ": writes/s while watched"), result.writes().perSecond());
    }

    private void recordMemory(String phase) {
        target.serverMemory().ifPresent(memory -> figures.memory(phase, memory));
    }

    private void progress(String message) {
        System.err.println("[" + target.name() + "] " + message);
    }
}
