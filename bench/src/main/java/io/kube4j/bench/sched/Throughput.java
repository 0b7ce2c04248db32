package io.kube4j.bench.sched;

import java.util.Arrays;

/**
 * Pods per second from the instants pods were bound: over the whole run (first create to last
 * bind), in steady state (between the 10% and the 90% bound marks, leaving out the ramp-up while
 * the first pods are created and the tail), and as one-second samples the way scheduler_perf's
 * throughput collector takes them (here from the first bind to the last full second).
 */
record Throughput(double overall, double steady, double sampleP50, double sampleP90, double sampleMax,
                  double lastBindSeconds) {

    static Throughput of(long startNanos, long[] boundAtNanos) {
        long[] sorted = boundAtNanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        long last = sorted[n - 1];
        double overall = n / seconds(last - startNanos);
        int from = n / 10;
        int to = Math.max(from + 1, n * 9 / 10) - 1;
        double steady = to > from ? (to - from) / seconds(sorted[to] - sorted[from]) : Double.NaN;
        int[] samples = perSecond(sorted);
        return new Throughput(overall, steady, percentile(samples, 50), percentile(samples, 90),
                samples.length == 0 ? Double.NaN : samples[samples.length - 1], seconds(last - startNanos));
    }

    /** Pods bound in each full second after the first bind, sorted. */
    private static int[] perSecond(long[] sorted) {
        int fullSeconds = (int) ((sorted[sorted.length - 1] - sorted[0]) / 1_000_000_000L);
        int[] counts = new int[fullSeconds];
        for (long at : sorted) {
            int second = (int) ((at - sorted[0]) / 1_000_000_000L);
            if (second < fullSeconds) {
                counts[second]++;
            }
        }
        Arrays.sort(counts);
        return counts;
    }

    private static double percentile(int[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
