package io.kube4j.node.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where pod work runs, apart from the node heartbeats ({@link HeartbeatLane}): a {@link PodWorkQueue}
 * drained by a fixed number of worker virtual threads, so at most that many pod writes are in flight
 * however many pods change at once, and one timer thread whose delay queue holds every pending step
 * (pods to start, to finish, to stop).
 */
final class PodLane implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PodLane.class);

    private final PodWorkQueue queue = new PodWorkQueue();
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("kube4j-sim-pod-timers").factory());
    private final List<Thread> workers = new ArrayList<>();

    /** Starts {@code workers} threads that each take a pod key and hand it to {@code work}. */
    PodLane(int workers, Consumer<String> work) {
        for (int i = 0; i < workers; i++) {
            this.workers.add(Thread.ofVirtual().name("kube4j-sim-pod-worker-" + i).start(() -> drain(work)));
        }
    }

    private void drain(Consumer<String> work) {
        try {
            for (String key = queue.take(); key != null; key = queue.take()) {
                try {
                    work.accept(key);
                } catch (RuntimeException e) {
                    LOG.warn("simulated pod {}: unexpected failure", key, e);
                } finally {
                    queue.done(key);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues the pod for a worker, once however often it is queued before a worker takes it. */
    void enqueue(String node, String key) {
        queue.add(node, key);
    }

    /** The pod was deleted: drops its queued entry. */
    void forget(String node, String key) {
        queue.remove(node, key);
    }

    /** Runs {@code action} on the timer thread at {@code at} (at once if that has passed); it must be quick. */
    void runAt(Instant at, Runnable action) {
        long delayMicros = Math.max(0, Duration.between(Instant.now(), at).toNanos() / 1000);
        try {
            timers.schedule(action, delayMicros, TimeUnit.MICROSECONDS);
        } catch (RejectedExecutionException closed) {
            // the simulation stopped: nothing more to do
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
        queue.shutDown();
        workers.forEach(Thread::interrupt);
    }
}
