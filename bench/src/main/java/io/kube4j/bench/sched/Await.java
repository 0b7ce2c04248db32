package io.kube4j.bench.sched;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds, logging progress now and then, or fails at a deadline. */
final class Await {
    private static final long PROGRESS_NANOS = 10_000_000_000L;

    private Await() {
    }

    /**
     * Waits until {@code done}, asked every {@code pollMillis}, holds; {@code state} describes how
     * far things got, for the progress log and the timeout message.
     */
    static void until(String what, long deadlineNanos, long pollMillis, BooleanSupplier done, Supplier<String> state) {
        long nextLog = System.nanoTime() + PROGRESS_NANOS;
        while (!done.getAsBoolean()) {
            long now = System.nanoTime();
            if (now > deadlineNanos) {
                throw new IllegalStateException("timed out waiting for " + what + ": " + state.get());
            }
            if (now > nextLog) {
                Progress.log("waiting for %s: %s", what, state.get());
                nextLog = now + PROGRESS_NANOS;
            }
            SimulatedCluster.sleep(pollMillis);
        }
    }
}
