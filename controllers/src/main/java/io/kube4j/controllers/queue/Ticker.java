package io.kube4j.controllers.queue;

/** A monotonic clock in nanoseconds, injected so queues can be tested without sleeping. */
@FunctionalInterface
public interface Ticker {
    Ticker SYSTEM = System::nanoTime;

    long nanos();
}
