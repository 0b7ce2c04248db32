package io.kube4j.controllers.daemonset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeEligibilityTest {
    private static final NodeEligibility.Decision RUN = new NodeEligibility.Decision(true, true);
    private static final NodeEligibility.Decision STAY = new NodeEligibility.Decision(false, true);
    private static final NodeEligibility.Decision NEVER = new NodeEligibility.Decision(false, false);

    private static Node node(String name, Map<String, String> labels, Taint... taints) {
        return new NodeBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withTaints(taints).endSpec().build();
    }

    private static PodSpec daemonSpec(PodSpec spec) {
        spec.setTolerations(DaemonPods.withDaemonTolerations(spec.getTolerations(), Boolean.TRUE.equals(spec.getHostNetwork())));
        return spec;
    }

    @Test
    void nodeSelectorAndRequiredAffinityMustMatch() {
        PodSpec spec = daemonSpec(new PodSpecBuilder().withNodeSelector(Map.of("disk", "ssd")).build());
        assertEquals(RUN, NodeEligibility.decide(spec, node("a", Map.of("disk", "ssd"))));
        assertEquals(NEVER, NodeEligibility.decide(spec, node("b", Map.of("disk", "hdd"))));

        PodSpec affinity = daemonSpec(new PodSpecBuilder().withNewAffinity().withNewNodeAffinity()
                .withRequiredDuringSchedulingIgnoredDuringExecution(new NodeSelectorBuilder()
                        .addNewNodeSelectorTerm().addNewMatchExpression().withKey("zone").withOperator("In").withValues("z1", "z2")
                        .endMatchExpression().endNodeSelectorTerm()
                        .addNewNodeSelectorTerm().addNewMatchExpression().withKey("gpu").withOperator("Exists").endMatchExpression()
                        .endNodeSelectorTerm().build())
                .endNodeAffinity().endAffinity().build());
        assertEquals(RUN, NodeEligibility.decide(affinity, node("a", Map.of("zone", "z2"))));
        assertEquals(RUN, NodeEligibility.decide(affinity, node("b", Map.of("gpu", "1"))), "terms are ORed");
        assertEquals(NEVER, NodeEligibility.decide(affinity, node("c", Map.of("zone", "z3"))));
    }

    @Test
    void untoleratedTaintsKeepNewPodsOffAndNoExecuteEvictsRunningOnes() {
        PodSpec spec = daemonSpec(new PodSpec());
        assertEquals(STAY, NodeEligibility.decide(spec, node("a", Map.of(), new Taint("NoSchedule", "dedicated", null, "gpu"))));
        assertEquals(NEVER, NodeEligibility.decide(spec, node("b", Map.of(), new Taint("NoExecute", "dedicated", null, "gpu"))));
        assertEquals(RUN, NodeEligibility.decide(spec, node("c", Map.of(), new Taint("PreferNoSchedule", "dedicated", null, "gpu"))));
        PodSpec tolerant = daemonSpec(new PodSpecBuilder().withTolerations(new TolerationBuilder()
                .withKey("dedicated").withOperator("Equal").withValue("gpu").build()).build());
        assertEquals(RUN, NodeEligibility.decide(tolerant, node("d", Map.of(), new Taint("NoExecute", "dedicated", null, "gpu"))));
    }

    @Test
    void daemonPodsTolerateNodeConditionTaintsAndCordons() {
        PodSpec spec = daemonSpec(new PodSpec());
        for (String key : List.of("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable")) {
            assertEquals(RUN, NodeEligibility.decide(spec, node("a", Map.of(), new Taint("NoExecute", key, null, null))), key);
        }
        for (String key : List.of("node.kubernetes.io/disk-pressure", "node.kubernetes.io/memory-pressure",
                "node.kubernetes.io/pid-pressure", "node.kubernetes.io/unschedulable")) {
            assertEquals(RUN, NodeEligibility.decide(spec, node("a", Map.of(), new Taint("NoSchedule", key, null, null))), key);
        }
        Taint noNetwork = new Taint("NoSchedule", "node.kubernetes.io/network-unavailable", null, null);
        assertEquals(STAY, NodeEligibility.decide(spec, node("a", Map.of(), noNetwork)));
        PodSpec hostNetwork = daemonSpec(new PodSpecBuilder().withHostNetwork(true).build());
        assertEquals(RUN, NodeEligibility.decide(hostNetwork, node("a", Map.of(), noNetwork)), "host-network pods need no pod network");
    }

    @Test
    void templateNodeNamePinsThePod() {
        PodSpec spec = daemonSpec(new PodSpecBuilder().withNodeName("a").build());
        assertEquals(RUN, NodeEligibility.decide(spec, node("a", Map.of())));
        assertEquals(NEVER, NodeEligibility.decide(spec, node("b", Map.of())));
    }

    @Test
    void podsAreBoundToTheirNodeByAMatchFieldsAffinity() {
        var affinity = DaemonPods.withNodeNameAffinity(null, "node-7");
        var pod = new io.fabric8.kubernetes.api.model.PodBuilder().withNewSpec().withAffinity(affinity).endSpec().build();
        assertEquals("node-7", DaemonPods.targetNode(pod));
        assertEquals(RUN, NodeEligibility.decide(pod.getSpec(), node("node-7", Map.of())));
        assertEquals(NEVER, NodeEligibility.decide(pod.getSpec(), node("node-8", Map.of())));
    }
}
