package io.kube4j.e2e;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until the cluster reaches a state, for the controllers' work that kubectl cannot wait for. */
final class Await {
    private static final Duration INTERVAL = Duration.ofMillis(250);

    private Await() {
    }

    /**
     * Reads {@code probe} until {@code done} accepts it and returns that value; fails with the last
     * value read once {@code timeout} has passed.
     */
    static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout + ": " + what + "; last seen:\n" + last);
            }
            pause(what);
            last = probe.get();
        }
        return last;
    }

    /**
     * Reads {@code probe} for {@code duration} and fails as soon as {@code invariant} rejects a
     * value: for what must not happen (a pod replaced, a ReplicaSet created). Returns the last value.
     */
    static <T> T holds(String what, Duration duration, Supplier<T> probe, Predicate<? super T> invariant) {
        long end = System.nanoTime() + duration.toNanos();
        T last = probe.get();
        while (invariant.test(last)) {
            if (System.nanoTime() > end) {
                return last;
            }
            pause(what);
            last = probe.get();
        }
        throw new AssertionError("no longer true: " + what + "; seen:\n" + last);
    }

    private static void pause(String what) {
        try {
            Thread.sleep(INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        }
    }
}
