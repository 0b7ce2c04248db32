package io.kube4j.scheduler.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition against a live server, with a deadline (tests only). */
public final class Poll {
    private Poll() {
    }

    /** The first non-null value {@code probe} returns within {@code timeout}; fails with {@code what} otherwise. */
    public static <T> T until(Duration timeout, String what, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
