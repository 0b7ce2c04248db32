package io.kube4j.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Measures creates against a fresh SQLite store: {@code StorePutBenchmark [puts] [threads]
 * [valueBytes]} (defaults 20000, 16, 1024) prints throughput and p50/p99 latency.
 */
public final class StorePutBenchmark {

    private StorePutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int puts = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int valueBytes = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        byte[] value = new byte[valueBytes];
        Arrays.fill(value, (byte) 'x');
        Path dir = Files.createTempDirectory("kube4j-bench");
        long[] latencies = new long[puts];
        long elapsed;
        try (SqliteKeyValueStore store = SqliteKeyValueStore.open(dir.resolve("bench.db"))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    for (int i = thread; i < puts; i += threads) {
                        long before = System.nanoTime();
                        store.create("/registry/bench/" + thread + "/" + i, value);
                        latencies[i] = System.nanoTime() - before;
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            elapsed = System.nanoTime() - start;
            pool.shutdown();
        } finally {
            deleteRecursively(dir);
        }
        Arrays.sort(latencies);
        System.out.printf("puts=%d threads=%d value=%dB elapsed=%.2fs throughput=%.0f puts/s p50=%.2fms p99=%.2fms%n",
                puts, threads, valueBytes, elapsed / 1e9, puts / (elapsed / 1e9),
                millis(latencies, 0.50), millis(latencies, 0.99));
    }

    private static double millis(long[] sortedNanos, double quantile) {
        int index = Math.min(sortedNanos.length - 1, (int) Math.ceil(quantile * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
