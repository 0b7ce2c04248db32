package io.kube4j.node.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;

/**
 * Where the simulation's work runs: tasks on virtual threads, at most {@code writeConcurrency} API
 * writes in flight at once, and one timer thread whose delay queue holds every pending step
 * (pods to start, to finish, to stop), however many pods there are.
 */
final class SimulationExecutor implements AutoCloseable {
    private final ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("kube4j-sim-timers").factory());
    private final Semaphore writes;

    SimulationExecutor(int writeConcurrency) {
        this.writes = new Semaphore(writeConcurrency);
    }

    /** Runs {@code task} on its own virtual thread; dropped once the simulation is closed. */
    void submit(Runnable task) {
        try {
            tasks.execute(task);
        } catch (RejectedExecutionException closed) {
            // the simulation stopped: nothing more to do
        }
    }

    /** Runs {@code task} on a task thread at {@code at} (at once if that has passed). */
    void runAt(Instant at, Runnable task) {
        long delayMicros = Math.max(0, Duration.between(Instant.now(), at).toNanos() / 1000);
        try {
            timers.schedule(() -> submit(task), delayMicros, TimeUnit.MICROSECONDS);
        } catch (RejectedExecutionException closed) {
            // the simulation stopped: nothing more to do
        }
    }

    /** Calls {@code write} once a write slot is free. */
    <T> T write(Callable<T> write) throws Exception {
        writes.acquire();
        try {
            return write.call();
        } finally {
            writes.release();
        }
    }

    <T> CompletableFuture<T> supplyAsync(Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        submit(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public void close() {
        timers.shutdownNow();
        tasks.shutdownNow();
    }
}
