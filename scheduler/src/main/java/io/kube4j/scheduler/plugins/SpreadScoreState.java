package io.kube4j.scheduler.plugins;

import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What PodTopologySpread's Score reads, counted once per scheduling cycle in PreScore from the
 * snapshot's per-node pod lists: per soft constraint, the matching pods in each topology domain of
 * the feasible nodes (for the hostname key, on each feasible node itself), each constraint's weight
 * log(domains + 2), and the feasible nodes ignored for lacking a topology key. Scoring a node then
 * costs a map lookup per constraint. Immutable once counted.
 */
final class SpreadScoreState implements CycleState.Data {
    private final List<SpreadConstraint> constraints;
    /** Per constraint: matching pods by domain value, or by node name for a hostname constraint. */
    private final List<Map<String, Integer>> counts;
    private final double[] weights;
    private final Set<String> ignoredNodes;

    private SpreadScoreState(List<SpreadConstraint> constraints, List<Map<String, Integer>> counts, double[] weights,
                             Set<String> ignoredNodes) {
        this.constraints = constraints;
        this.counts = counts;
        this.weights = weights;
        this.ignoredNodes = ignoredNodes;
    }

    /**
     * Counts for scoring {@code pod} on {@code feasible}. With {@code requireAllKeys} (the pod's own
     * constraints) a node missing a key is ignored; the cluster defaults just skip that key there.
     * Domain counts take in every node of the snapshot whose pods the constraint includes.
     */
    static SpreadScoreState count(PodInfo pod, List<SpreadConstraint> constraints, boolean requireAllKeys,
                                  List<NodeInfo> feasible, Snapshot snapshot) {
        List<Map<String, Integer>> counts = new ArrayList<>(constraints.size());
        constraints.forEach(c -> counts.add(new HashMap<>()));
        Set<String> ignored = new HashSet<>();
        boolean anyDomain = false;
        for (NodeInfo node : feasible) {
            if (requireAllKeys && !SpreadConstraint.hasAllKeys(constraints, node)) {
                ignored.add(node.name());
                continue;
            }
            for (int i = 0; i < constraints.size(); i++) {
                SpreadConstraint c = constraints.get(i);
                String value = node.labels().get(c.topologyKey());
                if (value == null) {
                    continue;
                }
                if (c.isHostname()) {
                    counts.get(i).put(node.name(), c.countOn(node));
                } else {
                    counts.get(i).putIfAbsent(value, 0);
                    anyDomain = true;
                }
            }
        }
        double[] weights = new double[constraints.size()];
        for (int i = 0; i < constraints.size(); i++) {
            int domains = constraints.get(i).isHostname() ? feasible.size() - ignored.size() : counts.get(i).size();
            weights[i] = Math.log(domains + 2);
        }
        if (anyDomain) {
            countDomains(pod, constraints, counts, requireAllKeys, snapshot);
        }
        return new SpreadScoreState(constraints, counts, weights, ignored);
    }

    /** Adds each node's matching pods to its domain, for the domains the feasible nodes are in. */
    private static void countDomains(PodInfo pod, List<SpreadConstraint> constraints, List<Map<String, Integer>> counts,
                                     boolean requireAllKeys, Snapshot snapshot) {
        for (NodeInfo node : snapshot.nodes()) {
            if (requireAllKeys && !SpreadConstraint.hasAllKeys(constraints, node)) {
                continue;
            }
            Boolean matchesNodeAffinity = null;
            for (int i = 0; i < constraints.size(); i++) {
                SpreadConstraint c = constraints.get(i);
                String value = node.labels().get(c.topologyKey());
                Integer domainCount = c.isHostname() || value == null ? null : counts.get(i).get(value);
                if (domainCount == null) {
                    continue;
                }
                if (matchesNodeAffinity == null) {
                    matchesNodeAffinity = NodeAffinity.matches(pod, node);
                }
                if (c.includes(pod, node, matchesNodeAffinity)) {
                    counts.get(i).put(value, domainCount + c.countOn(node));
                }
            }
        }
    }

    boolean ignores(NodeInfo node) {
        return ignoredNodes.contains(node.name());
    }

    /** Per constraint the node has the key of: matching pods in its domain × weight + maxSkew - 1; rounded. */
    long score(NodeInfo node) {
        double score = 0;
        for (int i = 0; i < constraints.size(); i++) {
            SpreadConstraint c = constraints.get(i);
            String value = node.labels().get(c.topologyKey());
            if (value == null) {
                continue;
            }
            int matching = counts.get(i).getOrDefault(c.isHostname() ? node.name() : value, 0);
            score += matching * weights[i] + (c.maxSkew() - 1);
        }
        return Math.round(score);
    }

    @Override
    public SpreadScoreState copy() {
        return this;
    }
}
