package io.kube4j.bench;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Prints the figures of both targets side by side as Markdown tables, with ratios. */
public final class Report {
    private final PrintStream out;

    public Report(PrintStream out) {
        this.out = out;
    }

    void comparison(Figures kube4j, Figures mock) {
        out.println("| metric | kube4j | mock | kube4j/mock | better |");
        out.println("|---|---:|---:|---:|---|");
        Set<Metric> metrics = new LinkedHashSet<>(kube4j.metrics());
        metrics.addAll(mock.metrics());
        for (Metric metric : metrics) {
            double k = kube4j.get(metric);
            double m = mock.get(metric);
            out.printf("| %s | %s | %s | %s | %s |%n", metric.label(), value(metric, k), value(metric, m),
                    ratio(k / m), better(metric, k, m));
        }
    }

    void rawStore(ConcurrentLoad.Result raw, int clients, Figures kube4j, Metric apiWrites) {
        out.println();
        out.println("| raw store (SqliteKeyValueStore, same ConfigMap JSON) | value |");
        out.println("|---|---:|");
        out.printf("| %,d creates from %d threads: puts/s | %,.0f |%n", raw.operations(), clients, raw.perSecond());
        out.printf("| put latency p50 / p99 (ms) | %.2f / %.2f |%n", raw.latencies().percentileMillis(50),
                raw.latencies().percentileMillis(99));
        double api = kube4j.get(apiWrites);
        out.printf("| kube4j API writes/s (W1) / raw puts/s | %s |%n",
                Double.isNaN(api) ? "n/a" : ratio(api / raw.perSecond()));
    }

    public void memory(String target, Map<String, ProcessMemory> memory) {
        out.println();
        out.println("| " + target + " server memory after phase | RSS (MiB) | peak RSS, VmHWM (MiB) |");
        out.println("|---|---:|---:|");
        memory.forEach((phase, m) -> out.printf("| %s | %,d | %,d |%n", phase, m.residentKib() / 1024,
                m.peakResidentKib() / 1024));
    }

    public void remarks(String title, Iterable<String> lines) {
        boolean first = true;
        for (String line : lines) {
            if (first) {
                out.println();
                out.println(title + ":");
                first = false;
            }
            out.println("- " + line);
        }
    }

    private static String value(Metric metric, double value) {
        return Double.isNaN(value) ? "failed" : metric.print(value);
    }

    private static String better(Metric metric, double kube4j, double mock) {
        if (Double.isNaN(kube4j) || Double.isNaN(mock) || metric.better() == Metric.Better.NEITHER || kube4j == mock) {
            return "";
        }
        boolean kube4jHigher = kube4j > mock;
        boolean kube4jBetter = kube4jHigher == (metric.better() == Metric.Better.HIGHER);
        double factor = kube4jHigher ? kube4j / mock : mock / kube4j;
        return "%s ×%s".formatted(kube4jBetter ? "kube4j" : "mock", factor >= 100 ? "%,.0f".formatted(factor)
                : "%.1f".formatted(factor));
    }

    /** Three significant digits, so that very small ratios still show. */
    private static String ratio(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "" : "%.3g".formatted(ratio);
    }
}
