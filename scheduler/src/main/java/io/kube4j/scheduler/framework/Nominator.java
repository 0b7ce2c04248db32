package io.kube4j.scheduler.framework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pods nominated to a node (status.nominatedNodeName, set when they preempted pods there) but not
 * yet bound: filters count them on that node for pods of lower or equal priority, so the room
 * freed by preemption is not taken by someone else. Thread-safe; {@link #podsOn}, which filtering
 * calls for every node it examines, takes no lock (each node's list is immutable and replaced on change).
 */
public final class Nominator {
    private final Map<String, List<PodInfo>> byNode = new ConcurrentHashMap<>();
    /** Guarded by {@code this}, as are all changes to {@link #byNode}. */
    private final Map<String, String> nodeOfPod = new HashMap<>();

    /** Records {@code pod}'s nomination to {@code node}; a null or empty node removes it. */
    public synchronized void nominate(PodInfo pod, String node) {
        remove(pod.key());
        if (node == null || node.isEmpty()) {
            return;
        }
        nodeOfPod.put(pod.key(), node);
        List<PodInfo> pods = new ArrayList<>(byNode.getOrDefault(node, List.of()));
        pods.add(pod);
        byNode.put(node, List.copyOf(pods));
    }

    public synchronized void remove(String podKey) {
        String node = nodeOfPod.remove(podKey);
        if (node == null) {
            return;
        }
        List<PodInfo> rest = byNode.get(node).stream().filter(p -> !p.key().equals(podKey)).toList();
        if (rest.isEmpty()) {
            byNode.remove(node);
        } else {
            byNode.put(node, rest);
        }
    }

    /** The pods nominated to {@code node} (an immutable list). */
    public List<PodInfo> podsOn(String node) {
        return byNode.getOrDefault(node, List.of());
    }

    public boolean isEmpty() {
        return byNode.isEmpty();
    }
}
