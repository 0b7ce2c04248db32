package io.kube4j.controllers.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition with a deadline (end-to-end tests watch controllers and nodes act asynchronously). */
public final class Poll {
    private Poll() {
    }

    public static void until(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        until(timeout, what, condition::getAsBoolean, Boolean::booleanValue);
    }

    /** Probes every 50 ms until {@code done} accepts the value, and returns it; fails naming the last value seen. */
    public static <T> T until(Duration timeout, String what, Supplier<T> probe, Predicate<T> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last seen: " + last);
            }
            Thread.sleep(50);
            last = probe.get();
        }
        return last;
    }
}
