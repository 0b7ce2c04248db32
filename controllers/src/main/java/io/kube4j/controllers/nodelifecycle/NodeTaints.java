package io.kube4j.controllers.nodelifecycle;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The taints this controller owns, derived from a node's conditions as upstream: NoExecute
 * {@code not-ready}/{@code unreachable} for Ready False/Unknown (which evict pods), and the NoSchedule
 * taints of TaintNodesByCondition (the same two, pressure conditions, network-unavailable, and
 * {@code unschedulable} for a cordoned node). Taints of other owners are left alone.
 */
final class NodeTaints {
    static final String NOT_READY = "node.kubernetes.io/not-ready";
    static final String UNREACHABLE = "node.kubernetes.io/unreachable";
    static final String UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
    static final String NO_EXECUTE = "NoExecute";
    static final String NO_SCHEDULE = "NoSchedule";

    /** Condition type → (status → taint key) for the NoSchedule taints. */
    private static final Map<String, Map<String, String>> NO_SCHEDULE_BY_CONDITION = Map.of(
            "Ready", Map.of("False", NOT_READY, "Unknown", UNREACHABLE),
            "MemoryPressure", Map.of("True", "node.kubernetes.io/memory-pressure"),
            "DiskPressure", Map.of("True", "node.kubernetes.io/disk-pressure"),
            "PIDPressure", Map.of("True", "node.kubernetes.io/pid-pressure"),
            "NetworkUnavailable", Map.of("True", "node.kubernetes.io/network-unavailable"));
    private static final Set<String> OWNED_NO_SCHEDULE_KEYS = Set.of(NOT_READY, UNREACHABLE, UNSCHEDULABLE,
            "node.kubernetes.io/memory-pressure", "node.kubernetes.io/disk-pressure",
            "node.kubernetes.io/pid-pressure", "node.kubernetes.io/network-unavailable");

    private NodeTaints() {
    }

    /** The node's taints with ours brought in line with its conditions, or null when nothing changes. */
    static List<Taint> reconcile(Node node, Instant now) {
        List<Taint> current = node.getSpec() == null || node.getSpec().getTaints() == null
                ? List.of() : node.getSpec().getTaints();
        Set<String> wanted = wanted(node);
        List<Taint> result = new ArrayList<>();
        Set<String> present = new LinkedHashSet<>();
        for (Taint taint : current) {
            String id = taint.getKey() + ":" + taint.getEffect();
            if (!isOwned(taint) || wanted.contains(id)) {
                result.add(taint);
                present.add(id);
            }
        }
        String at = now.truncatedTo(ChronoUnit.SECONDS).toString();
        for (String id : wanted) {
            if (!present.contains(id)) {
                String[] keyAndEffect = id.split(":");
                result.add(new TaintBuilder().withKey(keyAndEffect[0]).withEffect(keyAndEffect[1]).withTimeAdded(at).build());
            }
        }
        return result.size() == current.size() && present.size() == current.size() ? null : result;
    }

    /** Our taints the node should carry, as {@code key:effect}. */
    private static Set<String> wanted(Node node) {
        Set<String> wanted = new LinkedHashSet<>();
        String ready = NodeConditions.readyStatus(node);
        if ("False".equals(ready)) {
            wanted.add(NOT_READY + ":" + NO_EXECUTE);
        } else if ("Unknown".equals(ready) && NodeConditions.ready(node) != null) {
            wanted.add(UNREACHABLE + ":" + NO_EXECUTE);
        }
        NO_SCHEDULE_BY_CONDITION.forEach((type, keys) -> {
            NodeCondition condition = NodeConditions.find(node, type);
            String key = condition == null ? null : keys.get(condition.getStatus());
            if (key != null) {
                wanted.add(key + ":" + NO_SCHEDULE);
            }
        });
        if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
            wanted.add(UNSCHEDULABLE + ":" + NO_SCHEDULE);
        }
        return wanted;
    }

    private static boolean isOwned(Taint taint) {
        return NO_EXECUTE.equals(taint.getEffect())
                ? Objects.equals(taint.getKey(), NOT_READY) || Objects.equals(taint.getKey(), UNREACHABLE)
                : NO_SCHEDULE.equals(taint.getEffect()) && OWNED_NO_SCHEDULE_KEYS.contains(taint.getKey());
    }
}
