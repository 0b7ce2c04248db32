package io.kube4j.scheduler.testing;

import io.kube4j.controllers.queue.Ticker;
import java.time.Duration;

/** A ticker tests move by hand. */
public final class FakeTicker implements Ticker {
    private long now = 1_000_000_000L;

    @Override
    public long nanos() {
        return now;
    }

    public void advance(Duration d) {
        now += d.toNanos();
    }
}
