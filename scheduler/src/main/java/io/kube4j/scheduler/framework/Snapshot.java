package io.kube4j.scheduler.framework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduling thread's consistent view of the cluster for one cycle: copies of the cache's node
 * infos, refreshed at the start of each cycle with only the nodes that changed since (see
 * {@code SchedulerCache.updateSnapshot}), so a cycle costs nothing per unchanged node.
 */
public final class Snapshot {
    private final Map<String, NodeInfo> byName = new HashMap<>();
    private final Map<String, Integer> position = new HashMap<>();
    private final List<NodeInfo> nodes = new ArrayList<>();
    private List<NodeInfo> withAffinity = List.of();
    private List<NodeInfo> withRequiredAntiAffinity = List.of();

    /** A snapshot of the given node infos (tests and preemption build their own). */
    public static Snapshot of(List<NodeInfo> infos) {
        Snapshot s = new Snapshot();
        infos.forEach(s::put);
        s.rebuildLists(infos.stream().map(NodeInfo::name).toList());
        return s;
    }

    /** The nodes (with a Node object) in a stable order. */
    public List<NodeInfo> nodes() {
        return nodes;
    }

    public NodeInfo get(String name) {
        return byName.get(name);
    }

    public int size() {
        return nodes.size();
    }

    /** Nodes with at least one pod that has pod affinity or anti-affinity. */
    public List<NodeInfo> nodesWithAffinity() {
        return withAffinity;
    }

    /** Nodes with at least one pod that has required anti-affinity. */
    public List<NodeInfo> nodesWithRequiredAntiAffinity() {
        return withRequiredAntiAffinity;
    }

    // The cache's side of the refresh.

    /** Adds or replaces a node's copy (in place in the node list when it is already listed). */
    public void put(NodeInfo copy) {
        byName.put(copy.name(), copy);
        Integer at = position.get(copy.name());
        if (at != null) {
            nodes.set(at, copy);
        }
    }

    public void remove(String name) {
        byName.remove(name);
    }

    /** Rebuilds the node list in {@code order} (after nodes came or went) and the affinity sublists. */
    public void rebuildLists(List<String> order) {
        nodes.clear();
        position.clear();
        for (String name : order) {
            NodeInfo n = byName.get(name);
            if (n != null && n.node() != null) {
                position.put(name, nodes.size());
                nodes.add(n);
            }
        }
        rebuildAffinityLists();
    }

    /** Rebuilds the affinity sublists (after pods with affinity came or went). */
    public void rebuildAffinityLists() {
        List<NodeInfo> affinity = new ArrayList<>();
        List<NodeInfo> anti = new ArrayList<>();
        for (NodeInfo n : nodes) {
            if (!n.podsWithAffinity().isEmpty()) {
                affinity.add(n);
            }
            if (!n.podsWithRequiredAntiAffinity().isEmpty()) {
                anti.add(n);
            }
        }
        withAffinity = affinity;
        withRequiredAntiAffinity = anti;
    }
}
