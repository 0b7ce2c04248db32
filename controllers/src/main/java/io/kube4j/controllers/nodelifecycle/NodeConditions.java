package io.kube4j.controllers.nodelifecycle;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Reads a node's Ready condition and, for a silent node, turns its kubelet-owned conditions Unknown. */
final class NodeConditions {
    static final String STOPPED_POSTING = "Kubelet stopped posting node status.";
    static final String NEVER_POSTED = "Kubelet never posted node status.";
    /** The conditions the kubelet maintains, which go Unknown when it falls silent. */
    private static final List<String> KUBELET_CONDITIONS = List.of("Ready", "MemoryPressure", "DiskPressure", "PIDPressure");

    private NodeConditions() {
    }

    static NodeCondition ready(Node node) {
        return find(node, "Ready");
    }

    /** The Ready condition's status: True, False or Unknown (also when there is none). */
    static String readyStatus(Node node) {
        NodeCondition ready = ready(node);
        return ready == null || ready.getStatus() == null ? "Unknown" : ready.getStatus();
    }

    static NodeCondition find(Node node, String type) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return null;
        }
        return node.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    /**
     * The node with its kubelet conditions set to Unknown (reason NodeStatusUnknown, or
     * NodeStatusNeverUpdated for a condition never posted), or null if they all are already.
     */
    static Node markUnknown(Node node, Instant now) {
        String at = now.truncatedTo(ChronoUnit.SECONDS).toString();
        List<NodeCondition> conditions = new ArrayList<>(node.getStatus() == null || node.getStatus().getConditions() == null
                ? List.of() : node.getStatus().getConditions());
        boolean changed = false;
        for (String type : KUBELET_CONDITIONS) {
            int index = indexOf(conditions, type);
            if (index < 0) {
                conditions.add(new NodeConditionBuilder().withType(type).withStatus("Unknown")
                        .withReason("NodeStatusNeverUpdated").withMessage(NEVER_POSTED)
                        .withLastHeartbeatTime(node.getMetadata().getCreationTimestamp()).withLastTransitionTime(at).build());
                changed = true;
            } else if (!"Unknown".equals(conditions.get(index).getStatus())) {
                conditions.set(index, new NodeConditionBuilder(conditions.get(index)).withStatus("Unknown")
                        .withReason("NodeStatusUnknown").withMessage(STOPPED_POSTING).withLastTransitionTime(at).build());
                changed = true;
            }
        }
        return changed ? new NodeBuilder(node).editOrNewStatus().withConditions(conditions).endStatus().build() : null;
    }

    private static int indexOf(List<NodeCondition> conditions, String type) {
        for (int i = 0; i < conditions.size(); i++) {
            if (type.equals(conditions.get(i).getType())) {
                return i;
            }
        }
        return -1;
    }
}
