package io.kube4j.node.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Simulated nodes, like kwok: nodes that register, heartbeat and report their pods' lifecycle as
 * kubelets would, without running any container. Everything goes through the API, so the nodes could
 * as well run in another process.
 *
 * <pre>{@code
 * try (SimulatedNodes sim = SimulatedNodes.start(client, SimulatedNodesConfig.defaults(3))) {
 *     sim.stop("sim-1");   // sim-1 stops heartbeating: node failure
 *     sim.resume("sim-1");
 * }
 * }</pre>
 */
public final class SimulatedNodes implements AutoCloseable {
    /** The label every simulated node carries, {@code kube4j.io/simulated=true}. */
    public static final String SIMULATED_LABEL = NodeManifests.SIMULATED_LABEL;

    private final Map<String, SimulatedNode> nodes;
    private final NodeHeartbeats heartbeats;
    private final PodLifecycle pods;

    private SimulatedNodes(Map<String, SimulatedNode> nodes, NodeHeartbeats heartbeats, PodLifecycle pods) {
        this.nodes = nodes;
        this.heartbeats = heartbeats;
        this.pods = pods;
    }

    /**
     * Registers {@code config.count()} nodes (Node with Ready status, and Lease), each heartbeating
     * as soon as it is registered, waits until all are, then starts playing their pods.
     *
     * @throws IllegalArgumentException if the cluster CIDR cannot give every node its pod CIDR
     */
    public static SimulatedNodes start(KubernetesClient client, SimulatedNodesConfig config) throws Exception {
        PodCidrPlan cidrs = PodCidrPlan.of(config.clusterCidr(), config.count(), config.pods());
        Map<String, SimulatedNode> nodes = new LinkedHashMap<>();
        for (int i = 0; i < config.count(); i++) {
            nodes.put(config.nodeName(i), new SimulatedNode(i, config.nodeName(i), cidrs.nodeBlock(i)));
        }
        Map<String, SimulatedNode> byName = Map.copyOf(nodes);
        NodeHeartbeats heartbeats = new NodeHeartbeats(client, new NodeManifests(config), byName, config);
        PodLifecycle pods = new PodLifecycle(client, byName, new PodPlan(config), config.podWriteConcurrency());
        SimulatedNodes simulation = new SimulatedNodes(byName, heartbeats, pods);
        try {
            heartbeats.start();
            heartbeats.registerAll(Duration.ofSeconds(60).plusMillis(20L * config.count()));
            pods.start();
        } catch (Exception e) {
            simulation.close();
            throw e;
        }
        return simulation;
    }

    /** The simulated node names, sim-0 first. */
    public List<String> nodeNames() {
        return nodes.values().stream().sorted((a, b) -> Integer.compare(a.index(), b.index()))
                .map(SimulatedNode::name).toList();
    }

    /** Node failure: the node stops renewing its Lease and posting status, and its pods are left as they are. */
    public void stop(String nodeName) {
        node(nodeName).stopped(true);
    }

    /** The node comes back: it reports Ready at once and picks up its pods where they are. */
    public void resume(String nodeName) {
        SimulatedNode node = node(nodeName);
        if (node.stopped()) {
            heartbeats.resume(node);
            pods.reconcileNode(nodeName);
        }
    }

    public boolean isStopped(String nodeName) {
        return node(nodeName).stopped();
    }

    /** The pod CIDR the node was given, e.g. {@code 10.244.1.0/24}. */
    public String podCidr(String nodeName) {
        return node(nodeName).podCidr().toString();
    }

    /** The usage metrics-server would report for a pod: present while it runs on a running simulated node. */
    public Optional<PodUsage> podUsage(String namespace, String name) {
        return pods.runningPod(namespace, name).map(pod -> PodUsage.of(pod, Instant.now()));
    }

    /** The summed usage of the Running pods on a node, as the node's metrics; empty for a stopped node. */
    public Optional<PodUsage> nodeUsage(String nodeName) {
        SimulatedNode node = node(nodeName);
        if (node.stopped()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        long cpu = 0;
        long memory = 0;
        for (Pod pod : pods.podsOn(nodeName)) {
            if (pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())) {
                PodUsage usage = PodUsage.of(pod, now);
                cpu += usage.cpuMillis();
                memory += usage.memoryBytes();
            }
        }
        return Optional.of(new PodUsage(cpu, memory, now));
    }

    private SimulatedNode node(String nodeName) {
        SimulatedNode node = nodes.get(nodeName);
        if (node == null) {
            throw new IllegalArgumentException("no simulated node named \"" + nodeName + "\"");
        }
        return node;
    }

    @Override
    public void close() {
        heartbeats.close();
        pods.close();
    }
}
