package io.kube4j.bench.sched;

import io.kube4j.bench.sched.SchedulerBenchSettings.Phase;
import java.io.IOException;
import java.lang.management.ManagementFactory;

/**
 * The control-loop benchmark of issue 3, printed as Markdown tables (progress on stderr):
 * <ol>
 * <li>SchedulingBasic (scheduler_perf's 5000Nodes_10000Pods shape): pods with requests created on a
 * cluster of simulated nodes, measuring scheduling throughput and create→bound latency;</li>
 * <li>in the same cluster, the API server's pod-binding write ceiling with the scheduler bypassed,
 * and the scheduler's throughput as a ratio of it;</li>
 * <li>churn on a second cluster: Deployments created, rolled and deleted.</li>
 * </ol>
 * Each cluster is {@code kube4j server --simulated-nodes N} in its own JVM; its CPU time and memory
 * are reported after every phase.
 *
 * <pre>
 * java io.kube4j.bench.sched.SchedulerBenchmark [--nodes 5000] [--pods 10000] [--clients 16]
 *     [--churn-nodes 1000] [--deployments 300] [--replicas 100] [--phases scheduling,binding,churn]
 *     [--timeout-minutes 60] [--jar cli/target/kube4j.jar]
 * </pre>
 */
public final class SchedulerBenchmark {
    /** How long the idle server is watched, to see what heartbeating nodes alone cost. */
    private static final long IDLE_MILLIS = 20_000;

    private SchedulerBenchmark() {
    }

    public static void main(String[] args) {
        SchedulerBenchSettings settings = SchedulerBenchSettings.parse(args);
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        BenchResults results = new BenchResults();
        SchedulerReport report = new SchedulerReport(System.out, settings);
        report.header(loadAtStart);
        if (settings.runs(Phase.SCHEDULING) || settings.runs(Phase.BINDING)) {
            schedulingCluster(settings, results);
            report.schedulingSections(results);
        }
        if (settings.runs(Phase.CHURN)) {
            churnCluster(settings, results);
            report.churnSection(results);
        }
        report.footer(results);
        System.exit(results.failures.isEmpty() ? 0 : 1);
    }

    private static void schedulingCluster(SchedulerBenchSettings settings, BenchResults results) {
        Progress.log("starting kube4j with %,d simulated nodes", settings.nodes());
        try (SimulatedCluster cluster = SimulatedCluster.start(settings.kube4jJar(), settings.nodes(), settings.timeout())) {
            results.schedulingClusterReadySeconds = cluster.readySeconds();
            results.cost(idle(cluster));
            if (settings.runs(Phase.SCHEDULING)) {
                try {
                    results.scheduling = SchedulingRun.measure(cluster, settings.pods(), settings.clients(),
                            settings.timeout());
                    results.cost(results.scheduling.cost());
                } catch (RuntimeException e) {
                    results.fail("scheduling", e);
                }
            }
            if (settings.runs(Phase.BINDING)) {
                try {
                    results.binding = BindingRun.measure(cluster, settings.pods(), settings.clients());
                    results.cost(results.binding.createCost());
                    results.cost(results.binding.bindCost());
                } catch (RuntimeException e) {
                    results.fail("binding", e);
                }
            }
        } catch (IOException | RuntimeException e) {
            results.fail("cluster of " + settings.nodes() + " nodes", e);
        }
    }

    private static void churnCluster(SchedulerBenchSettings settings, BenchResults results) {
        Progress.log("starting kube4j with %,d simulated nodes", settings.churnNodes());
        try (SimulatedCluster cluster = SimulatedCluster.start(settings.kube4jJar(), settings.churnNodes(),
                settings.timeout())) {
            results.churnClusterReadySeconds = cluster.readySeconds();
            results.cost(idle(cluster));
            try {
                results.churn = ChurnRun.measure(cluster, settings.deployments(), settings.replicas(),
                        settings.clients(), settings.timeout());
                results.churn.forEach(phase -> results.cost(phase.cost()));
            } catch (RuntimeException e) {
                results.fail("churn", e);
            }
        } catch (IOException | RuntimeException e) {
            results.fail("cluster of " + settings.churnNodes() + " nodes", e);
        }
    }

    /** The server with nothing to do but its nodes' lease renewals and status reports. */
    private static PhaseCost idle(SimulatedCluster cluster) {
        Progress.log("all %,d nodes Ready after %.1f s; measuring the idle server for %d s", cluster.nodes(),
                cluster.readySeconds(), IDLE_MILLIS / 1000);
        PhaseCost.Meter meter = new PhaseCost.Meter(cluster);
        SimulatedCluster.sleep(IDLE_MILLIS);
        return meter.stop("idle, %,d nodes heartbeating".formatted(cluster.nodes()));
    }
}
