package io.kube4j.node.sim;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where node heartbeats run (registration, Lease renewals, node status posts, their retries): a
 * few platform threads of their own with their own task queue, as a kubelet heartbeats on its own
 * goroutine whatever its pods do. Pod work ({@link PodLane}) never shares these threads or their
 * queue, so a backlog of pod writes cannot delay a renewal; platform threads also keep the
 * heartbeats scheduled by the OS when pod work keeps every virtual-thread carrier busy.
 */
final class HeartbeatLane implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatLane.class);
    private final ScheduledThreadPoolExecutor threads;

    /** {@code size} threads: at most that many heartbeat writes in flight. */
    HeartbeatLane(int size) {
        threads = new ScheduledThreadPoolExecutor(size,
                Thread.ofPlatform().daemon().name("kube4j-sim-heartbeat-", 0).factory());
    }

    /** Runs {@code task} on a heartbeat thread; false once the lane is closed. */
    boolean execute(Runnable task) {
        return after(Duration.ZERO, task);
    }

    /** Runs {@code task} on a heartbeat thread after {@code delay}; false once the lane is closed. */
    boolean after(Duration delay, Runnable task) {
        try {
            threads.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException closed) {
            return false;
        }
    }

    /** Runs {@code tick} every {@code period}, starting after one period; a tick that throws does not stop the next. */
    void every(Duration period, Runnable tick) {
        threads.scheduleAtFixedRate(() -> {
            try {
                tick.run();
            } catch (RuntimeException e) {
                LOG.warn("heartbeat tick failed", e);
            }
        }, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
