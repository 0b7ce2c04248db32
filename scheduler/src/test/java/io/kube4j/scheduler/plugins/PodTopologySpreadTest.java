package io.kube4j.scheduler.plugins;

import static io.kube4j.scheduler.testing.TestObjects.node;
import static io.kube4j.scheduler.testing.TestObjects.nodeInfo;
import static io.kube4j.scheduler.testing.TestObjects.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.kube4j.scheduler.framework.Code;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.Snapshot;
import io.kube4j.scheduler.framework.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodTopologySpreadTest {
    private static final String ZONE = "topology.kubernetes.io/zone";
    private final PodTopologySpread plugin = new PodTopologySpread();

    private static Pod web(String name) {
        return pod(name, null, null).editMetadata().addToLabels("app", "web").endMetadata().build();
    }

    private static NodeInfo zoned(String name, String zone, Pod... pods) {
        return nodeInfo(node(name, "4", "8Gi", 110).editMetadata().addToLabels(ZONE, zone).endMetadata().build(), pods);
    }

    private static PodInfo spreading(String whenUnsatisfiable, int maxSkew) {
        return PodInfo.of(pod("new", null, null).editMetadata().addToLabels("app", "web").endMetadata().editSpec()
                .withTopologySpreadConstraints(new TopologySpreadConstraintBuilder().withMaxSkew(maxSkew).withTopologyKey(ZONE)
                        .withWhenUnsatisfiable(whenUnsatisfiable)
                        .withLabelSelector(new LabelSelectorBuilder().addToMatchLabels("app", "web").build()).build())
                .endSpec().build());
    }

    @Test
    void aHardConstraintRejectsTheDomainThatWouldExceedTheSkew() {
        NodeInfo a = zoned("a", "z1", web("w1"), web("w2"));
        NodeInfo b = zoned("b", "z2", web("w3"));
        NodeInfo bare = nodeInfo(node("bare"));
        Snapshot snapshot = Snapshot.of(List.of(a, b, bare));
        PodInfo p = spreading("DoNotSchedule", 1);
        CycleState state = new CycleState();
        assertTrue(plugin.preFilter(state, p, snapshot).status().isSuccess());
        Status onA = plugin.filter(state, p, a);
        assertEquals(Code.UNSCHEDULABLE, onA.code());
        assertEquals("node(s) didn't match pod topology spread constraints", onA.message());
        assertTrue(plugin.filter(state, p, b).isSuccess());
        Status onBare = plugin.filter(state, p, bare);
        assertEquals(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, onBare.code());
        assertEquals("node(s) didn't match pod topology spread constraints (missing required label)", onBare.message());
    }

    @Test
    void aSoftConstraintScoresTheEmptierDomainHigher() {
        NodeInfo a = zoned("a", "z1", web("w1"), web("w2"));
        NodeInfo b = zoned("b", "z2");
        List<NodeInfo> nodes = List.of(a, b);
        PodInfo p = spreading("ScheduleAnyway", 1);
        CycleState state = new CycleState();
        assertTrue(plugin.preFilter(state, p, Snapshot.of(nodes)).status().isSkip());
        assertTrue(plugin.preScore(state, p, nodes, Snapshot.of(nodes)).isSuccess());
        long[] scores = {plugin.score(state, p, a), plugin.score(state, p, b)};
        plugin.normalize(state, p, nodes, scores);
        assertEquals(100, scores[1]);
        assertTrue(scores[0] < scores[1], "the zone with two matching pods scores lower: " + scores[0]);
    }

    @Test
    void podsOfAControllerSpreadByDefaultAcrossHosts() {
        var owner = new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet").withName("rs")
                .withUid("rs-uid").withController(true).build();
        Pod sibling = pod("s1", null, null).editMetadata().withOwnerReferences(owner).endMetadata().build();
        NodeInfo crowded = nodeInfo(node("crowded"), sibling);
        NodeInfo empty = nodeInfo(node("empty"));
        List<NodeInfo> nodes = List.of(crowded, empty);
        PodInfo p = PodInfo.of(pod("s2", null, null).editMetadata().withOwnerReferences(owner).endMetadata().build());
        CycleState state = new CycleState();
        assertTrue(plugin.preScore(state, p, nodes, Snapshot.of(nodes)).isSuccess());
        long[] scores = {plugin.score(state, p, crowded), plugin.score(state, p, empty)};
        plugin.normalize(state, p, nodes, scores);
        assertTrue(scores[0] < scores[1], "crowded " + scores[0] + " vs empty " + scores[1]);
        assertTrue(plugin.preScore(new CycleState(), PodInfo.of(pod("orphan")), nodes, Snapshot.of(nodes)).isSkip());
    }
}
