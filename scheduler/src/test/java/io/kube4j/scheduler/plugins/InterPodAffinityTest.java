package io.kube4j.scheduler.plugins;

import static io.kube4j.scheduler.testing.TestObjects.node;
import static io.kube4j.scheduler.testing.TestObjects.nodeInfo;
import static io.kube4j.scheduler.testing.TestObjects.pod;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.kube4j.scheduler.framework.Code;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.Snapshot;
import io.kube4j.scheduler.framework.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterPodAffinityTest {
    private static final String HOST = "kubernetes.io/hostname";
    private static final String ZONE = "topology.kubernetes.io/zone";
    private final InterPodAffinity plugin = new InterPodAffinity();

    private static Pod labelled(String name, String app) {
        return pod(name, null, null).editMetadata().addToLabels("app", app).endMetadata().build();
    }

    private static PodAffinityTerm term(String app, String topologyKey) {
        return new PodAffinityTermBuilder().withLabelSelector(new LabelSelectorBuilder().addToMatchLabels("app", app).build())
                .withTopologyKey(topologyKey).build();
    }

    private static NodeInfo zoned(String name, String zone, Pod... pods) {
        return nodeInfo(node(name, "4", "8Gi", 110).editMetadata().addToLabels(ZONE, zone).endMetadata().build(), pods);
    }

    private final NodeInfo a = zoned("a", "z1", labelled("db", "db"));
    private final NodeInfo b = zoned("b", "z1");
    private final NodeInfo c = zoned("c", "z2");
    private final Snapshot snapshot = Snapshot.of(List.of(a, b, c));

    private Status filter(PodInfo pod, NodeInfo node) {
        CycleState state = new CycleState();
        if (plugin.preFilter(state, pod, snapshot).status().isSkip()) {
            return Status.SUCCESS;
        }
        return plugin.filter(state, pod, node);
    }

    @Test
    void requiredAntiAffinityKeepsThePodOutOfTheMatchingPodsDomain() {
        PodInfo p = PodInfo.of(pod("p", null, null).editSpec().withAffinity(new AffinityBuilder().withNewPodAntiAffinity()
                .withRequiredDuringSchedulingIgnoredDuringExecution(term("db", HOST)).endPodAntiAffinity().build())
                .endSpec().build());
        Status onA = filter(p, a);
        assertEquals(Code.UNSCHEDULABLE, onA.code());
        assertEquals("node(s) didn't match pod anti-affinity rules", onA.message());
        assertTrue(filter(p, b).isSuccess());
    }

    @Test
    void requiredAffinityNeedsAMatchingPodInTheSameZone() {
        PodInfo p = PodInfo.of(pod("p", null, null).editSpec().withAffinity(new AffinityBuilder().withNewPodAffinity()
                .withRequiredDuringSchedulingIgnoredDuringExecution(term("db", ZONE)).endPodAffinity().build())
                .endSpec().build());
        assertTrue(filter(p, a).isSuccess());
        assertTrue(filter(p, b).isSuccess());
        Status onC = filter(p, c);
        assertEquals(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, onC.code());
        assertEquals("node(s) didn't match pod affinity rules", onC.message());
    }

    @Test
    void theFirstPodOfAGroupMatchingItsOwnAffinityMayGoAnywhere() {
        PodInfo p = PodInfo.of(new io.fabric8.kubernetes.api.model.PodBuilder(labelled("web-0", "web")).editSpec()
                .withAffinity(new AffinityBuilder().withNewPodAffinity()
                        .withRequiredDuringSchedulingIgnoredDuringExecution(term("web", ZONE)).endPodAffinity().build())
                .endSpec().build());
        assertTrue(filter(p, c).isSuccess());
    }

    @Test
    void existingPodsAntiAffinityRepelsMatchingNewcomers() {
        Pod loner = pod("loner", null, null).editSpec().withAffinity(new AffinityBuilder().withNewPodAntiAffinity()
                .withRequiredDuringSchedulingIgnoredDuringExecution(term("web", HOST)).endPodAntiAffinity().build())
                .endSpec().build();
        NodeInfo withLoner = zoned("b", "z1", loner);
        Snapshot s = Snapshot.of(List.of(a, withLoner, c));
        CycleState state = new CycleState();
        PodInfo web = PodInfo.of(labelled("web", "web"));
        plugin.preFilter(state, web, s);
        assertEquals("node(s) didn't satisfy existing pods anti-affinity rules", plugin.filter(state, web, withLoner).message());
        assertTrue(plugin.filter(state, web, c).isSuccess());
    }

    @Test
    void removingTheMatchingPodLiftsTheAntiAffinity() {
        PodInfo p = PodInfo.of(pod("p", null, null).editSpec().withAffinity(new AffinityBuilder().withNewPodAntiAffinity()
                .withRequiredDuringSchedulingIgnoredDuringExecution(term("db", HOST)).endPodAntiAffinity().build())
                .endSpec().build());
        CycleState state = new CycleState();
        plugin.preFilter(state, p, snapshot);
        NodeInfo copy = a.copy();
        PodInfo db = copy.pods().getFirst();
        copy.removePod(db.key());
        plugin.extensions().removePod(state, p, db, copy);
        assertTrue(plugin.filter(state, p, copy).isSuccess());
    }

    @Test
    void preferredAffinityScoresTheMatchingZoneHigher() {
        PodInfo p = PodInfo.of(pod("p", null, null).editSpec().withAffinity(new AffinityBuilder().withNewPodAffinity()
                .addNewPreferredDuringSchedulingIgnoredDuringExecution().withWeight(10).withPodAffinityTerm(term("db", ZONE))
                .endPreferredDuringSchedulingIgnoredDuringExecution().endPodAffinity().build()).endSpec().build());
        CycleState state = new CycleState();
        List<NodeInfo> nodes = List.of(a, b, c);
        assertTrue(plugin.preScore(state, p, nodes, snapshot).isSuccess());
        long[] scores = {plugin.score(state, p, a), plugin.score(state, p, b), plugin.score(state, p, c)};
        assertArrayEquals(new long[] {10, 10, 0}, scores);
        plugin.normalize(state, p, nodes, scores);
        assertArrayEquals(new long[] {100, 100, 0}, scores);
    }
}
