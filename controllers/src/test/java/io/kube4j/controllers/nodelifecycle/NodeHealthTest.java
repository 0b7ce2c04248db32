package io.kube4j.controllers.nodelifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeHealthTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static Node node(String readyStatus, String heartbeat, Taint... taints) {
        return new NodeBuilder().withNewMetadata().withName("n1").withCreationTimestamp("2025-12-31T00:00:00Z").endMetadata()
                .withNewSpec().withTaints(taints).endSpec()
                .withNewStatus().addNewCondition().withType("Ready").withStatus(readyStatus).withReason("KubeletReady")
                .withLastHeartbeatTime(heartbeat).withLastTransitionTime("2025-12-31T00:00:00Z").endCondition()
                .addNewCondition().withType("MemoryPressure").withStatus("False").endCondition()
                .endStatus().build();
    }

    @Test
    void onlyANewHeartbeatOrLeaseRenewalCountsAsSignOfLife() {
        HeartbeatTracker tracker = new HeartbeatTracker();
        Node node = node("True", "2026-01-01T00:00:00Z");
        assertEquals(T0, tracker.observe(node, null, T0), "a node first seen counts as just heard from");
        assertEquals(T0, tracker.observe(node, null, T0.plusSeconds(30)));
        Node beat = node("True", "2026-01-01T00:00:35Z");
        assertEquals(T0.plusSeconds(36), tracker.observe(beat, null, T0.plusSeconds(36)));
        Lease lease = new LeaseBuilder().withNewSpec().withRenewTime(ZonedDateTime.parse("2026-01-01T00:00:50Z")).endSpec().build();
        assertEquals(T0.plusSeconds(50), tracker.observe(beat, lease, T0.plusSeconds(50)));
        assertEquals(T0.plusSeconds(50), tracker.observe(beat, lease, T0.plusSeconds(95)));
    }

    @Test
    void aSilentNodesKubeletConditionsBecomeUnknown() {
        Node unknown = NodeConditions.markUnknown(node("True", "2026-01-01T00:00:00Z"), T0.plusSeconds(41));

        NodeCondition ready = NodeConditions.ready(unknown);
        assertEquals("Unknown", ready.getStatus());
        assertEquals("NodeStatusUnknown", ready.getReason());
        assertEquals("Kubelet stopped posting node status.", ready.getMessage());
        assertEquals("2026-01-01T00:00:41Z", ready.getLastTransitionTime());
        assertEquals("2026-01-01T00:00:00Z", ready.getLastHeartbeatTime(), "the last heartbeat stays what the kubelet sent");
        assertEquals("Unknown", NodeConditions.find(unknown, "MemoryPressure").getStatus());
        NodeCondition neverPosted = NodeConditions.find(unknown, "DiskPressure");
        assertEquals("NodeStatusNeverUpdated", neverPosted.getReason());
        assertEquals("Kubelet never posted node status.", neverPosted.getMessage());
        assertNull(NodeConditions.markUnknown(unknown, T0.plusSeconds(50)), "already unknown: nothing to write");
    }

    @Test
    void taintsFollowTheReadyCondition() {
        Taint foreign = new TaintBuilder().withKey("dedicated").withValue("gpu").withEffect("NoSchedule").build();

        assertEquals(List.of("dedicated:NoSchedule", "node.kubernetes.io/unreachable:NoExecute",
                "node.kubernetes.io/unreachable:NoSchedule"), ids(NodeTaints.reconcile(node("Unknown", null, foreign), T0)));
        assertEquals(List.of("node.kubernetes.io/not-ready:NoExecute", "node.kubernetes.io/not-ready:NoSchedule"),
                ids(NodeTaints.reconcile(node("False", null), T0)));
        assertEquals("2026-01-01T00:00:00Z", NodeTaints.reconcile(node("False", null), T0).get(0).getTimeAdded());

        Taint unreachable = new TaintBuilder().withKey(NodeTaints.UNREACHABLE).withEffect("NoExecute").build();
        Taint unreachableNoSchedule = new TaintBuilder().withKey(NodeTaints.UNREACHABLE).withEffect("NoSchedule").build();
        assertEquals(List.of("dedicated:NoSchedule"),
                ids(NodeTaints.reconcile(node("True", null, foreign, unreachable, unreachableNoSchedule), T0)),
                "a recovered node loses our taints and keeps the others");
        assertNull(NodeTaints.reconcile(node("Unknown", null, unreachable, unreachableNoSchedule), T0));
    }

    @Test
    void aCordonedNodeGetsTheUnschedulableTaint() {
        Node cordoned = new NodeBuilder(node("True", null)).editSpec().withUnschedulable(true).endSpec().build();
        assertEquals(List.of("node.kubernetes.io/unschedulable:NoSchedule"), ids(NodeTaints.reconcile(cordoned, T0)));
    }

    private static List<String> ids(List<Taint> taints) {
        return taints.stream().map(t -> t.getKey() + ":" + t.getEffect()).toList();
    }
}
