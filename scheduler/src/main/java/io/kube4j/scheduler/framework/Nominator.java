package io.kube4j.scheduler.framework;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pods nominated to a node (status.nominatedNodeName, set when they preempted pods there) but not
 * yet bound: filters count them on that node for pods of lower or equal priority, so the room
 * freed by preemption is not taken by someone else. Thread-safe.
 */
public final class Nominator {
    private final Map<String, List<PodInfo>> byNode = new HashMap<>();
    private final Map<String, String> nodeOfPod = new HashMap<>();

    /** Records {@code pod}'s nomination to {@code node}; a null or empty node removes it. */
    public synchronized void nominate(PodInfo pod, String node) {
        remove(pod.key());
        if (node == null || node.isEmpty()) {
            return;
        }
        nodeOfPod.put(pod.key(), node);
        byNode.computeIfAbsent(node, n -> new ArrayList<>()).add(pod);
    }

    public synchronized void remove(String podKey) {
        String node = nodeOfPod.remove(podKey);
        if (node != null) {
            List<PodInfo> pods = byNode.get(node);
            pods.removeIf(p -> p.key().equals(podKey));
            if (pods.isEmpty()) {
                byNode.remove(node);
            }
        }
    }

    /** The pods nominated to {@code node}. */
    public synchronized List<PodInfo> podsOn(String node) {
        List<PodInfo> pods = byNode.get(node);
        return pods == null ? List.of() : List.copyOf(pods);
    }

    public synchronized boolean isEmpty() {
        return byNode.isEmpty();
    }
}
