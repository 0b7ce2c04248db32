package io.kube4j.controllers.queue;

import java.time.Duration;

/** A ticker tests move by hand. */
final class FakeTicker implements Ticker {
    private long now;

    @Override
    public long nanos() {
        return now;
    }

    void advance(Duration d) {
        now += d.toNanos();
    }
}
