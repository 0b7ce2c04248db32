package io.kube4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs operations 0..count-1 from a number of concurrent workers (each a thread with its own
 * client, taking the next index as soon as its previous operation returned) and times each one.
 */
public final class ConcurrentLoad {

    /** One worker's operation on item {@code index}; a worker is used by one thread only. */
    @FunctionalInterface
    public interface Operation {
        void run(int index) throws Exception;
    }

    /** Creates the operation for one worker, typically binding a client of its own. */
    @FunctionalInterface
    public interface Worker {
        Operation start(int worker);
    }

    /** What a load achieved: operations per second over the whole run and each one's latency. */
    public record Result(int operations, long elapsedNanos, Latencies latencies) {
        public double perSecond() {
            return operations / (elapsedNanos / 1e9);
        }
    }

    private ConcurrentLoad() {
    }

    public static Result run(int count, int workers, Worker worker) {
        List<Operation> operations = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            operations.add(worker.start(w));
        }
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(workers)) {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (Operation operation : operations) {
                running.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long begin = System.nanoTime();
                        operation.run(i);
                        latencies[i] = System.nanoTime() - begin;
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                awaitWorker(future);
            }
            return new Result(count, System.nanoTime() - start, new Latencies(latencies));
        }
    }

    private static void awaitWorker(Future<?> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("load worker failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the load", e);
        }
    }
}
