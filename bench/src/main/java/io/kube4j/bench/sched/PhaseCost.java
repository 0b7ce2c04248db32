package io.kube4j.bench.sched;

import io.kube4j.bench.ProcessMemory;
import java.time.Duration;

/**
 * What one phase cost: its wall time, the CPU time the server and this benchmark process used
 * meanwhile (both share the machine's cores), and at its end the server's memory and how many
 * simulated nodes were still Ready (heartbeats that fall behind make nodes NotReady).
 */
record PhaseCost(String phase, double wallSeconds, double serverCpuSeconds, double benchCpuSeconds,
                 ProcessMemory serverMemory, int readyNodes) {

    /** Started when a phase starts; {@link #stop} reads the counters again. */
    static final class Meter {
        private final SimulatedCluster cluster;
        private final long startNanos = System.nanoTime();
        private final Duration serverCpu;
        private final Duration benchCpu;

        Meter(SimulatedCluster cluster) {
            this.cluster = cluster;
            this.serverCpu = cpu(ProcessHandle.of(cluster.pid()).orElseThrow());
            this.benchCpu = cpu(ProcessHandle.current());
        }

        PhaseCost stop(String phase) {
            double wall = (System.nanoTime() - startNanos) / 1e9;
            Duration server = cpu(ProcessHandle.of(cluster.pid())
                    .orElseThrow(() -> new IllegalStateException("kube4j server exited during " + phase)));
            return new PhaseCost(phase, wall, seconds(server.minus(serverCpu)),
                    seconds(cpu(ProcessHandle.current()).minus(benchCpu)), cluster.memory(), cluster.readyNodes());
        }

        private static Duration cpu(ProcessHandle process) {
            return process.info().totalCpuDuration().orElse(Duration.ZERO);
        }

        private static double seconds(Duration duration) {
            return duration.toNanos() / 1e9;
        }
    }

    /** Average cores the server kept busy over the phase. */
    double serverCores() {
        return serverCpuSeconds / wallSeconds;
    }
}
