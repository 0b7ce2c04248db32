package io.kube4j.bench.sched;

import io.kube4j.bench.Latencies;
import io.kube4j.bench.Report;
import java.io.PrintStream;

/** Prints the scheduler benchmark's figures as Markdown tables. */
final class SchedulerReport {
    private final PrintStream out;
    private final SchedulerBenchSettings settings;

    SchedulerReport(PrintStream out, SchedulerBenchSettings settings) {
        this.out = out;
        this.settings = settings;
    }

    /** What ran where; printed first. */
    void header(double loadAtStart) {
        out.printf("%n## kube4j scheduler benchmark%n%n");
        out.printf("- kube4j: `kube4j server --simulated-nodes N --cluster-cidr %s` in its own JVM"
                + " (-XX:+UseSerialGC -Xss512k, as ./kube4j runs it), SQLite store: API server, scheduler,"
                + " controllers and the simulated nodes share that process%n", SimulatedCluster.CLUSTER_CIDR);
        out.printf("- client: JDK HttpClient over HTTPS/HTTP2 with raw JSON, %d concurrent clients each on its"
                + " own connection, plus one connection for the pod watch%n", settings.clients());
        out.printf("- machine: %d CPUs shared by server and benchmark, load average %.2f at start, Java %s%n",
                Runtime.getRuntime().availableProcessors(), loadAtStart, Runtime.version());
        out.flush();
    }

    /** The SchedulingBasic and binding-ceiling tables, as soon as that cluster is done. */
    void schedulingSections(BenchResults results) {
        if (results.scheduling != null || results.binding != null) {
            scheduling(results);
        }
        out.flush();
    }

    void churnSection(BenchResults results) {
        if (results.churn != null) {
            churn(results);
        }
        out.flush();
    }

    /** CPU and memory of every phase, then the failures. */
    void footer(BenchResults results) {
        costs(results);
        new Report(out).memory("kube4j", results.memory);
        new Report(out).remarks("Failures", results.failures);
        out.flush();
    }

    private void scheduling(BenchResults results) {
        out.printf("%n### SchedulingBasic %dNodes_%dPods%n%n", settings.nodes(), settings.pods());
        row("metric", "value");
        out.println("|---|---:|");
        row("server start → %,d nodes Ready (s)".formatted(settings.nodes()), "%.1f".formatted(results.schedulingClusterReadySeconds));
        SchedulingRun.Result s = results.scheduling;
        if (s != null) {
            Throughput t = s.throughput();
            row("pod creates/s (%d clients)".formatted(settings.clients()), "%,.0f".formatted(s.createsPerSecond()));
            row("**scheduling throughput**, first create → last bind (pods/s)", "**%,.0f**".formatted(t.overall()));
            row("steady state, 10% → 90% of binds (pods/s)", "%,.0f".formatted(t.steady()));
            row("one-second samples p50 / p90 / max (pods/s)", "%,.0f / %,.0f / %,.0f".formatted(t.sampleP50(),
                    t.sampleP90(), t.sampleMax()));
            row("create → bound latency p50 / p90 / p99 (ms)", percentiles(s.latency()));
            row("binds seen before the create returned (latency counted as 0)", "%,d".formatted(s.boundBeforeCreated()));
            row("last pod bound after (s)", "%.1f".formatted(t.lastBindSeconds()));
            row("all %,d pods Running after (s)".formatted(s.pods()), "%.1f".formatted(s.allRunningSeconds()));
        }
        BindingRun.Result b = results.binding;
        if (b != null) {
            out.printf("%n### Pod-binding write ceiling (same cluster, scheduler bypassed)%n%n");
            row("metric", "value");
            out.println("|---|---:|");
            row("%,d pod creates with schedulerName %s (creates/s)".formatted(b.creates().operations(),
                    SchedulingManifests.NO_SCHEDULER), "%,.0f".formatted(b.creates().perSecond()));
            row("**POST pods/NAME/binding** from %d clients (bindings/s)".formatted(settings.clients()),
                    "**%,.0f**".formatted(b.bindings().perSecond()));
            row("binding latency p50 / p90 / p99 (ms)", percentiles(b.bindings().latencies()));
            if (s != null) {
                row("**scheduler throughput ÷ binding ceiling**, overall", "**%.2f**".formatted(
                        s.throughput().overall() / b.bindings().perSecond()));
                row("scheduler throughput ÷ binding ceiling, steady state", "%.2f".formatted(
                        s.throughput().steady() / b.bindings().perSecond()));
            }
        }
    }

    private void churn(BenchResults results) {
        out.printf("%n### Churn: %,d nodes, %,d Deployments × %,d replicas%n%n", settings.churnNodes(),
                settings.deployments(), settings.replicas());
        out.printf("Server start → %,d nodes Ready: %.1f s.%n%n", settings.churnNodes(), results.churnClusterReadySeconds);
        out.println("| phase | until | wall (s) | pods | pods/s |");
        out.println("|---|---|---:|---:|---:|");
        for (ChurnRun.Phase phase : results.churn) {
            out.printf("| %s | %s | %,.1f | %,d | %,.0f |%n", phase.name(), phase.until(),
                    phase.cost().wallSeconds(), phase.pods(), phase.podsPerSecond());
        }
    }

    private void costs(BenchResults results) {
        out.printf("%n### Server CPU per phase%n%n");
        out.println("| phase | wall (s) | server CPU (s) | server cores busy | benchmark CPU (s) | nodes Ready at end |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (PhaseCost cost : results.costs) {
            out.printf("| %s | %,.1f | %,.1f | %.2f | %,.1f | %,d |%n", cost.phase(), cost.wallSeconds(),
                    cost.serverCpuSeconds(), cost.serverCores(), cost.benchCpuSeconds(), cost.readyNodes());
        }
    }

    private static String percentiles(Latencies latencies) {
        return "%,.1f / %,.1f / %,.1f".formatted(latencies.percentileMillis(50), latencies.percentileMillis(90),
                latencies.percentileMillis(99));
    }

    private void row(String metric, String value) {
        out.printf("| %s | %s |%n", metric, value);
    }
}
