package io.kube4j.controllers.podgc;

import static io.kube4j.controllers.ZeroValues.orEmpty;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.controllers.PodStates;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Which pods the pod garbage collector removes, as upstream's podgc decides (pure functions of the caches). */
final class PodGarbage {
    static final String OUT_OF_SERVICE_TAINT = "node.kubernetes.io/out-of-service";
    static final String EVICTED = "Evicted";

    /** Evicted pods first (sparing finished pods of controllers), then oldest first, then by name. */
    static final Comparator<Pod> DELETION_ORDER = Comparator
            .comparing((Pod pod) -> !isEvicted(pod))
            .thenComparing(pod -> PodStates.instant(pod.getMetadata().getCreationTimestamp()),
                    Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(pod -> pod.getMetadata().getName());

    private PodGarbage() {
    }

    /** The finished (Succeeded or Failed) pods beyond {@code threshold}, in {@link #DELETION_ORDER}. */
    static List<Pod> terminatedOverThreshold(Collection<Pod> pods, int threshold) {
        List<Pod> finished = pods.stream().filter(PodStates::isFinished).toList();
        int excess = finished.size() - threshold;
        return excess <= 0 ? List.of() : finished.stream().sorted(DELETION_ORDER).limit(excess).toList();
    }

    /**
     * Terminating pods on nodes an administrator declared out of service (not ready, with the
     * {@value #OUT_OF_SERVICE_TAINT} taint): no kubelet will finish them there.
     */
    static List<Pod> terminatingOnOutOfServiceNodes(Collection<Pod> pods, Map<String, Node> nodes) {
        return pods.stream().filter(PodStates::isTerminating)
                .filter(pod -> {
                    Node node = nodes.get(nodeNameOf(pod));
                    return node != null && !isReady(node) && hasOutOfServiceTaint(node);
                })
                .sorted(DELETION_ORDER).toList();
    }

    /** The names of the nodes pods are bound to that are not among {@code nodeNames}. */
    static Set<String> missingNodes(Collection<Pod> pods, Set<String> nodeNames) {
        Set<String> missing = new TreeSet<>();
        for (Pod pod : pods) {
            String node = nodeNameOf(pod);
            if (!node.isEmpty() && !nodeNames.contains(node)) {
                missing.add(node);
            }
        }
        return missing;
    }

    static List<Pod> boundTo(Collection<Pod> pods, Set<String> nodeNames) {
        return pods.stream().filter(pod -> nodeNames.contains(nodeNameOf(pod))).toList();
    }

    /** Pods being deleted that were never scheduled: no kubelet will ever confirm their deletion. */
    static List<Pod> unscheduledTerminating(Collection<Pod> pods) {
        return pods.stream().filter(pod -> PodStates.isTerminating(pod) && nodeNameOf(pod).isEmpty()).toList();
    }

    static boolean isEvicted(Pod pod) {
        return PodStates.isFailed(pod) && EVICTED.equals(pod.getStatus().getReason());
    }

    static boolean isReady(Node node) {
        return node.getStatus() != null && orEmpty(node.getStatus().getConditions()).stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static boolean hasOutOfServiceTaint(Node node) {
        return node.getSpec() != null
                && orEmpty(node.getSpec().getTaints()).stream().anyMatch(t -> OUT_OF_SERVICE_TAINT.equals(t.getKey()));
    }

    private static String nodeNameOf(Pod pod) {
        String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        return node == null ? "" : node;
    }
}
