package io.kube4j.scheduler.plugins;

import static io.kube4j.scheduler.testing.TestObjects.node;
import static io.kube4j.scheduler.testing.TestObjects.nodeInfo;
import static io.kube4j.scheduler.testing.TestObjects.pod;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTermBuilder;
import io.kube4j.scheduler.framework.Code;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.NamespaceLabels;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.Snapshot;
import io.kube4j.scheduler.framework.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterPodAffinityTest {
    private static final String HOST = "kubernetes.io/hostname";
    private static final String ZONE = "topology.kubernetes.io/zone";
    private final NamespaceLabels namespaces = new NamespaceLabels();
    private final InterPodAffinity plugin = new InterPodAffinity(namespaces);

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

    private static Pod inNamespace(String name, String app, String namespace) {
        return pod(name, null, null).editMetadata().withNamespace(namespace).addToLabels("app", app).endMetadata().build();
    }

    private static PodAffinityTerm teamTerm(String app, String team, String... namespaces) {
        return new PodAffinityTermBuilder().withLabelSelector(new LabelSelectorBuilder().addToMatchLabels("app", app).build())
                .withNamespaceSelector(new LabelSelectorBuilder().addToMatchLabels("team", team).build())
                .withNamespaces(namespaces).withTopologyKey(HOST).build();
    }

    private void namespace(String name, String team) {
        namespaces.put(new NamespaceBuilder().withNewMetadata().withName(name).addToLabels("team", team).endMetadata().build());
    }

    @Test
    void antiAffinityNamespaceSelectorRepelsOnlyPodsInMatchingNamespaces() {
        namespace("ns-a", "a");
        namespace("ns-b", "b");
        NodeInfo withTeamA = nodeInfo(node("n1"), inNamespace("web-a", "web", "ns-a"));
        NodeInfo withTeamB = nodeInfo(node("n2"), inNamespace("web-b", "web", "ns-b"));
        Snapshot s = Snapshot.of(List.of(withTeamA, withTeamB));
        PodInfo p = PodInfo.of(pod("p", null, null).editSpec().withAffinity(new AffinityBuilder().withNewPodAntiAffinity()
                .withRequiredDuringSchedulingIgnoredDuringExecution(teamTerm("web", "a")).endPodAntiAffinity().build())
                .endSpec().build());
        CycleState state = new CycleState();
        plugin.preFilter(state, p, s);
        assertEquals("node(s) didn't match pod anti-affinity rules", plugin.filter(state, p, withTeamA).message());
        assertTrue(plugin.filter(state, p, withTeamB).isSuccess());
    }

    @Test
    void namespaceSelectorAddsToTheListedNamespaces() {
        namespace("ns-a", "a");
        namespace("ns-b", "b");
        NodeInfo withTeamA = nodeInfo(node("n1"), inNamespace("web-a", "web", "ns-a"));
        NodeInfo withTeamB = nodeInfo(node("n2"), inNamespace("web-b", "web", "ns-b"));
        NodeInfo withDefault = nodeInfo(node("n3"), inNamespace("web-d", "web", "default"));
        Snapshot s = Snapshot.of(List.of(withTeamA, withTeamB, withDefault));
        PodInfo p = PodInfo.of(pod("p", null, null).editSpec().withAffinity(new AffinityBuilder().withNewPodAntiAffinity()
                .withRequiredDuringSchedulingIgnoredDuringExecution(teamTerm("web", "a", "ns-b")).endPodAntiAffinity().build())
                .endSpec().build());
        CycleState state = new CycleState();
        plugin.preFilter(state, p, s);
        assertEquals(Code.UNSCHEDULABLE, plugin.filter(state, p, withTeamA).code());
        assertEquals(Code.UNSCHEDULABLE, plugin.filter(state, p, withTeamB).code());
        assertTrue(plugin.filter(state, p, withDefault).isSuccess());
    }

    @Test
    void existingPodsAntiAffinityNamespaceSelectorIsMatchedAgainstTheNewcomersNamespace() {
        namespace("ns-a", "a");
        namespace("ns-b", "b");
        Pod guard = pod("guard", null, null).editSpec().withAffinity(new AffinityBuilder().withNewPodAntiAffinity()
                .withRequiredDuringSchedulingIgnoredDuringExecution(teamTerm("web", "a")).endPodAntiAffinity().build())
                .endSpec().build();
        NodeInfo guarded = nodeInfo(node("n1"), guard);
        Snapshot s = Snapshot.of(List.of(guarded));
        PodInfo fromA = PodInfo.of(inNamespace("web-a", "web", "ns-a"));
        PodInfo fromB = PodInfo.of(inNamespace("web-b", "web", "ns-b"));
        CycleState stateA = new CycleState();
        plugin.preFilter(stateA, fromA, s);
        assertEquals("node(s) didn't satisfy existing pods anti-affinity rules", plugin.filter(stateA, fromA, guarded).message());
        CycleState stateB = new CycleState();
        plugin.preFilter(stateB, fromB, s);
        assertTrue(plugin.filter(stateB, fromB, guarded).isSuccess());
    }
}
