package io.kube4j.controllers.replicaset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Upstream's slowStartBatch: runs {@code count} calls in parallel batches of 1, 2, 4, ... and stops
 * after the first batch with a failure, so a quota or admission error costs one failed call, not
 * hundreds.
 */
public final class SlowStartBatch {
    /** How many calls succeeded, and the first failure (null if none). */
    public record Result(int successes, RuntimeException error) {
    }

    private SlowStartBatch() {
    }

    /** Calls {@code call} with the indexes 0..count-1, in batches that double from {@code initialBatchSize}. */
    public static Result run(int count, int initialBatchSize, IntConsumer call) {
        int successes = 0;
        int started = 0;
        int remaining = count;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    int index = started++;
                    calls.add(executor.submit(() -> call.accept(index)));
                }
                RuntimeException error = null;
                for (Future<?> f : calls) {
                    try {
                        f.get();
                        successes++;
                    } catch (ExecutionException e) {
                        if (error == null) {
                            error = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return new Result(successes, new IllegalStateException("interrupted", e));
                    }
                }
                if (error != null) {
                    return new Result(successes, error);
                }
                remaining -= batch;
            }
        }
        return new Result(successes, null);
    }
}
