package io.kube4j.controllers.replicaset;

import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.controllers.PodStates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Which surplus pods go first, as upstream's ActivePodsWithRanks (with logarithmic scale-down):
 * unscheduled before scheduled; Pending before Unknown before Running; not ready before ready;
 * lower {@code controller.kubernetes.io/pod-deletion-cost} first; pods sharing their node with more
 * related pods first; ready for less time first; more container restarts first; newer first.
 */
public final class PodDeletionOrder {
    static final String DELETION_COST_ANNOTATION = "controller.kubernetes.io/pod-deletion-cost";
    private static final Map<String, Integer> PHASE_ORDER = Map.of("Pending", 0, "Unknown", 1, "Running", 2);

    private PodDeletionOrder() {
    }

    /**
     * The {@code count} pods of {@code pods} to delete first. {@code related} are the active and
     * inactive pods of this controller and its siblings (same owner), which rank crowded nodes.
     */
    public static List<Pod> firstToDelete(List<Pod> pods, List<Pod> related, int count, Instant now) {
        if (count >= pods.size()) {
            return List.copyOf(pods);
        }
        Map<String, Integer> podsOnNode = new HashMap<>();
        for (Pod pod : related) {
            if (PodStates.isActive(pod)) {
                podsOnNode.merge(nodeName(pod), 1, Integer::sum);
            }
        }
        List<Pod> sorted = new ArrayList<>(pods);
        sorted.sort(comparator(pod -> podsOnNode.getOrDefault(nodeName(pod), 0), now));
        return List.copyOf(sorted.subList(0, count));
    }

    /** The order itself: "less" means deleted earlier. {@code rank} counts related pods on the pod's node. */
    static Comparator<Pod> comparator(ToIntFunction<Pod> rank, Instant now) {
        return (a, b) -> {
            String nodeA = nodeName(a);
            String nodeB = nodeName(b);
            if (!nodeA.equals(nodeB) && (nodeA.isEmpty() || nodeB.isEmpty())) {
                return nodeA.isEmpty() ? -1 : 1;
            }
            int phase = Integer.compare(PHASE_ORDER.getOrDefault(PodStates.phase(a), 0),
                    PHASE_ORDER.getOrDefault(PodStates.phase(b), 0));
            if (phase != 0) {
                return phase;
            }
            boolean readyA = PodStates.isReady(a);
            boolean readyB = PodStates.isReady(b);
            if (readyA != readyB) {
                return readyA ? 1 : -1;
            }
            int cost = Integer.compare(deletionCost(a), deletionCost(b));
            if (cost != 0) {
                return cost;
            }
            int crowded = Integer.compare(rank.applyAsInt(b), rank.applyAsInt(a));
            if (crowded != 0) {
                return crowded;
            }
            if (readyA) {
                int readyFor = newerFirst(PodStates.readySince(a), PodStates.readySince(b), a, b, now);
                if (readyFor != 0) {
                    return readyFor;
                }
            }
            int restarts = Integer.compare(PodStates.maxContainerRestarts(b), PodStates.maxContainerRestarts(a));
            if (restarts != 0) {
                return restarts;
            }
            return newerFirst(PodStates.instant(a.getMetadata().getCreationTimestamp()),
                    PodStates.instant(b.getMetadata().getCreationTimestamp()), a, b, now);
        };
    }

    /**
     * Empty times first, then newer before older, comparing times by their power-of-two age bucket
     * so that pods of similar age are picked at random (by uid) rather than strictly by age.
     */
    private static int newerFirst(Instant a, Instant b, Pod podA, Pod podB, Instant now) {
        if (a == null || b == null) {
            return a == null && b == null ? 0 : a == null ? -1 : 1;
        }
        if (a.equals(b)) {
            return 0;
        }
        long bucketDiff = ageBucket(a, now) - ageBucket(b, now);
        if (bucketDiff == 0) {
            return String.valueOf(podA.getMetadata().getUid()).compareTo(String.valueOf(podB.getMetadata().getUid()));
        }
        return bucketDiff < 0 ? -1 : 1;
    }

    private static long ageBucket(Instant t, Instant now) {
        long nanos = Duration.between(t, now).toNanos();
        return nanos > 0 ? (long) (Math.log(nanos) / Math.log(2)) : -1;
    }

    private static int deletionCost(Pod pod) {
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        String cost = annotations == null ? null : annotations.get(DELETION_COST_ANNOTATION);
        if (cost == null) {
            return 0;
        }
        try {
            return Integer.parseInt(cost.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String nodeName(Pod pod) {
        String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        return node == null ? "" : node;
    }
}
