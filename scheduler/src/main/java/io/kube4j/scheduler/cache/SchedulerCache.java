package io.kube4j.scheduler.cache;

import io.fabric8.kubernetes.api.model.Node;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is placed where, from the node and pod informers plus the scheduler's own decisions: a pod
 * is <em>assumed</em> on its node as soon as the scheduler picks it (so the next pod sees the room
 * taken), <em>confirmed</em> when the informer shows it bound, and <em>forgotten</em> if binding
 * failed. Thread-safe; {@link #updateSnapshot} copies only the nodes changed since the last call.
 */
public final class SchedulerCache {
    private final Map<String, NodeInfo> nodes = new LinkedHashMap<>();
    /** Where each known pod (bound or assumed) is, by pod key. */
    private final Map<String, PodInfo> pods = new HashMap<>();
    private final Set<String> assumed = new HashSet<>();
    /** Nodes changed since the last snapshot update; replaced (not cleared) by each update, see there. */
    private Set<String> dirty = new HashSet<>();
    private boolean nodeSetChanged;

    public synchronized void addNode(Node node) {
        String name = node.getMetadata().getName();
        NodeInfo info = nodes.get(name);
        if (info == null) {
            nodes.put(name, new NodeInfo(node));
            nodeSetChanged = true;
        } else {
            boolean wasPlaceholder = info.node() == null;
            info.setNode(node);
            nodeSetChanged |= wasPlaceholder;
        }
        dirty.add(name);
    }

    public void updateNode(Node node) {
        addNode(node);
    }

    /** Drops the node; its pods stay accounted under its name until they go, as upstream. */
    public synchronized void removeNode(String name) {
        NodeInfo info = nodes.get(name);
        if (info == null) {
            return;
        }
        if (info.pods().isEmpty()) {
            nodes.remove(name);
        } else {
            info.clearNode();
        }
        nodeSetChanged = true;
        dirty.add(name);
    }

    /** Records the scheduler's decision before the binding is written. */
    public synchronized void assume(PodInfo podOnNode) {
        if (pods.containsKey(podOnNode.key())) {
            throw new IllegalStateException("pod " + podOnNode.key() + " is in the cache, so can't be assumed");
        }
        place(podOnNode);
        assumed.add(podOnNode.key());
    }

    /** Undoes {@link #assume} after a failed binding (unless the informer has confirmed the pod meanwhile). */
    public synchronized void forget(String key) {
        if (assumed.remove(key)) {
            unplace(key);
        }
    }

    public synchronized boolean isAssumed(String key) {
        return assumed.contains(key);
    }

    /** A bound pod seen by the informer (new, updated or confirming an assumption). */
    public synchronized void addOrUpdatePod(PodInfo pod) {
        assumed.remove(pod.key());
        unplace(pod.key());
        place(pod);
    }

    public synchronized void removePod(String key) {
        assumed.remove(key);
        unplace(key);
    }

    public synchronized int nodeCount() {
        return (int) nodes.values().stream().filter(n -> n.node() != null).count();
    }

    /** Brings {@code snapshot} up to date by copying only the nodes that changed since the last update. */
    public synchronized void updateSnapshot(Snapshot snapshot) {
        boolean affinityChanged = false;
        // A fresh set each time: iterating and clearing a HashSet cost its capacity, which the
        // thousands of nodes added at start-up would otherwise leave large for every later cycle.
        Set<String> changed = dirty;
        dirty = new HashSet<>();
        for (String name : changed) {
            NodeInfo info = nodes.get(name);
            NodeInfo old = snapshot.get(name);
            affinityChanged |= old != null && hasAffinityPods(old) || info != null && hasAffinityPods(info);
            if (info == null) {
                snapshot.remove(name);
            } else {
                snapshot.put(info.copy());
            }
        }
        if (nodeSetChanged) {
            snapshot.rebuildLists(new ArrayList<>(nodes.keySet()));
            nodeSetChanged = false;
        } else if (affinityChanged) {
            snapshot.rebuildAffinityLists();
        }
    }

    private static boolean hasAffinityPods(NodeInfo n) {
        return !n.podsWithAffinity().isEmpty();
    }

    private void place(PodInfo pod) {
        String nodeName = pod.nodeName();
        NodeInfo info = nodes.get(nodeName);
        if (info == null) {
            // The pod's node is not known (yet): account it to a placeholder the node will fill in.
            info = NodeInfo.placeholder(nodeName);
            nodes.put(nodeName, info);
        }
        info.addPod(pod);
        pods.put(pod.key(), pod);
        dirty.add(nodeName);
    }

    private void unplace(String key) {
        PodInfo old = pods.remove(key);
        if (old == null) {
            return;
        }
        NodeInfo info = nodes.get(old.nodeName());
        if (info != null) {
            info.removePod(key);
            if (info.node() == null && info.pods().isEmpty()) {
                nodes.remove(old.nodeName());
            }
            dirty.add(old.nodeName());
        }
    }

    /** The pods on the node (bound and assumed), for tests and diagnostics. */
    public synchronized List<PodInfo> podsOn(String node) {
        NodeInfo info = nodes.get(node);
        return info == null ? List.of() : List.copyOf(info.pods());
    }
}
