package io.kube4j.scheduler.plugins;

import static io.kube4j.scheduler.testing.TestObjects.node;
import static io.kube4j.scheduler.testing.TestObjects.nodeInfo;
import static io.kube4j.scheduler.testing.TestObjects.pod;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.kube4j.scheduler.framework.Code;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.PreFilterResult;
import io.kube4j.scheduler.framework.Snapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeAffinityTest {
    private final NodeAffinity plugin = new NodeAffinity();
    private final CycleState state = new CycleState();
    private final NodeInfo ssd = nodeInfo(node("ssd", "4", "8Gi", 110).editMetadata().addToLabels("disk", "ssd")
            .addToLabels("cores", "16").endMetadata().build());
    private final NodeInfo hdd = nodeInfo(node("hdd", "4", "8Gi", 110).editMetadata().addToLabels("disk", "hdd")
            .addToLabels("cores", "4").endMetadata().build());

    private static NodeSelectorTerm expr(String key, String op, String... values) {
        return new NodeSelectorTermBuilder().withMatchExpressions(new NodeSelectorRequirementBuilder()
                .withKey(key).withOperator(op).withValues(values).build()).build();
    }

    private static PodInfo requiring(NodeSelectorTerm... terms) {
        return PodInfo.of(pod("p", null, null).editSpec().withAffinity(new AffinityBuilder().withNewNodeAffinity()
                .withNewRequiredDuringSchedulingIgnoredDuringExecution().withNodeSelectorTerms(terms).endRequiredDuringSchedulingIgnoredDuringExecution()
                .endNodeAffinity().build()).endSpec().build());
    }

    @Test
    void nodeSelectorMustMatchAllLabels() {
        PodInfo p = PodInfo.of(pod("p", null, null).editSpec().withNodeSelector(Map.of("disk", "ssd")).endSpec().build());
        assertTrue(plugin.filter(state, p, ssd).isSuccess());
        assertEquals(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, plugin.filter(state, p, hdd).code());
        assertEquals("node(s) didn't match Pod's node affinity/selector", plugin.filter(state, p, hdd).message());
    }

    @Test
    void requiredTermsAreOredAndTheirExpressionsAnded() {
        assertTrue(plugin.filter(state, requiring(expr("disk", "In", "ssd", "nvme")), ssd).isSuccess());
        assertFalse(plugin.filter(state, requiring(expr("disk", "NotIn", "ssd")), ssd).isSuccess());
        assertTrue(plugin.filter(state, requiring(expr("cores", "Gt", "8")), ssd).isSuccess());
        assertFalse(plugin.filter(state, requiring(expr("cores", "Gt", "8")), hdd).isSuccess());
        assertTrue(plugin.filter(state, requiring(expr("gpu", "DoesNotExist")), hdd).isSuccess());
        assertTrue(plugin.filter(state, requiring(expr("gpu", "Exists"), expr("disk", "In", "hdd")), hdd).isSuccess());
    }

    @Test
    void metadataNameFieldsNarrowTheNodesUpFront() {
        PodInfo daemon = requiring(new NodeSelectorTermBuilder().withMatchFields(new NodeSelectorRequirementBuilder()
                .withKey("metadata.name").withOperator("In").withValues("hdd").build()).build());
        Snapshot snapshot = Snapshot.of(List.of(ssd, hdd));
        PreFilterResult r = plugin.preFilter(state, daemon, snapshot);
        assertEquals(Set.of("hdd"), r.nodeNames());
        assertTrue(plugin.filter(state, daemon, hdd).isSuccess());
        assertFalse(plugin.filter(state, daemon, ssd).isSuccess());
        assertNull(plugin.preFilter(state, requiring(expr("disk", "In", "ssd")), snapshot).nodeNames());
        assertTrue(plugin.preFilter(state, PodInfo.of(pod("free")), snapshot).status().isSkip());
    }

    @Test
    void preferredTermsScoreByWeight() {
        Pod p = pod("p", null, null).editSpec().withAffinity(new AffinityBuilder().withNewNodeAffinity()
                .addNewPreferredDuringSchedulingIgnoredDuringExecution().withWeight(80).withPreference(expr("disk", "In", "ssd"))
                .endPreferredDuringSchedulingIgnoredDuringExecution()
                .addNewPreferredDuringSchedulingIgnoredDuringExecution().withWeight(20).withPreference(expr("cores", "Exists"))
                .endPreferredDuringSchedulingIgnoredDuringExecution()
                .endNodeAffinity().build()).endSpec().build();
        PodInfo info = PodInfo.of(p);
        assertTrue(plugin.preScore(state, info, List.of(ssd, hdd), null).isSuccess());
        long[] scores = {plugin.score(state, info, ssd), plugin.score(state, info, hdd)};
        assertArrayEquals(new long[] {100, 20}, scores);
        plugin.normalize(state, info, List.of(ssd, hdd), scores);
        assertArrayEquals(new long[] {100, 20}, scores);
    }
}
