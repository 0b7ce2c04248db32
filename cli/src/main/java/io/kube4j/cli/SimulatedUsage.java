package io.kube4j.cli;

import io.kube4j.apiserver.metrics.MetricsSource;
import io.kube4j.node.sim.PodUsage;
import io.kube4j.node.sim.SimulatedNodes;
import java.util.Optional;

/** The simulated nodes' usage samples as the API server's metrics source. */
final class SimulatedUsage implements MetricsSource {
    private final SimulatedNodes nodes;

    SimulatedUsage(SimulatedNodes nodes) {
        this.nodes = nodes;
    }

    @Override
    public Optional<Usage> node(String name) {
        return nodes.nodeUsage(name).map(SimulatedUsage::usage);
    }

    @Override
    public Optional<Usage> pod(String namespace, String name) {
        return nodes.podUsage(namespace, name).map(SimulatedUsage::usage);
    }

    private static Usage usage(PodUsage u) {
        return new Usage(u.cpuMillis(), u.memoryBytes(), u.timestamp());
    }
}
