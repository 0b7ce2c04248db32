package io.kube4j.bench;

import java.util.Arrays;

/** A sorted sample of durations in nanoseconds, read as percentiles. */
public final class Latencies {
    private final long[] sortedNanos;

    public Latencies(long[] nanos) {
        this.sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    /** This sample and {@code other} as one. */
    Latencies merge(Latencies other) {
        long[] all = Arrays.copyOf(sortedNanos, sortedNanos.length + other.sortedNanos.length);
        System.arraycopy(other.sortedNanos, 0, all, sortedNanos.length, other.sortedNanos.length);
        return new Latencies(all);
    }

    public int count() {
        return sortedNanos.length;
    }

    /** The nearest-rank percentile, in milliseconds. */
    public double percentileMillis(double percentile) {
        if (sortedNanos.length == 0) {
            throw new IllegalStateException("no samples");
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }
}
