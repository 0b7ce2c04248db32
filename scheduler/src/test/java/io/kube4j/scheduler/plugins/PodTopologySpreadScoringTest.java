package io.kube4j.scheduler.plugins;

import static io.kube4j.scheduler.testing.TestObjects.node;
import static io.kube4j.scheduler.testing.TestObjects.nodeInfo;
import static io.kube4j.scheduler.testing.TestObjects.pod;
import static io.kube4j.scheduler.testing.TestObjects.taint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PodTopologySpread's scoring (PreScore counts once per cycle, Score reads them, NormalizeScore)
 * on hand-built clusters. The expected normalized scores were worked out by hand from upstream's
 * formula — per constraint, matching pods in the node's domain × log(domains + 2) + maxSkew - 1,
 * rounded; then 100 × (max + min - score) / max — and are the scores the scheduler gave before
 * the counting moved to PreScore.
 */
class PodTopologySpreadScoringTest {
    private static final String ZONE = SpreadConstraint.ZONE;
    private static final OwnerReference RS = owner("rs-a");
    private static final OwnerReference OTHER_RS = owner("rs-b");
    private final PodTopologySpread plugin = new PodTopologySpread();

    private static OwnerReference owner(String uid) {
        return new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet").withName(uid)
                .withUid(uid).withController(true).build();
    }

    private static Pod owned(String name, OwnerReference owner) {
        return pod(name, null, null).editMetadata().withOwnerReferences(owner).endMetadata().build();
    }

    private static Pod labelled(String name, String app) {
        return pod(name, null, null).editMetadata().addToLabels("app", app).endMetadata().build();
    }

    private static NodeBuilder zonedNode(String name, String zone) {
        NodeBuilder n = node(name, "4", "8Gi", 110);
        return zone == null ? n : n.editMetadata().addToLabels(ZONE, zone).endMetadata();
    }

    private static NodeInfo zoned(String name, String zone, Pod... pods) {
        return nodeInfo(zonedNode(name, zone).build(), pods);
    }

    /** PreScore over {@code feasible} (the snapshot holding {@code all}), Score each feasible node, NormalizeScore. */
    private long[] scores(PodInfo pod, List<NodeInfo> feasible, List<NodeInfo> all) {
        CycleState state = new CycleState();
        assertTrue(plugin.preScore(state, pod, feasible, Snapshot.of(all)).isSuccess());
        long[] scores = new long[feasible.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = plugin.score(state, pod, feasible.get(i));
        }
        plugin.normalize(state, pod, feasible, scores);
        return scores;
    }

    @Test
    void defaultConstraintsCountTheControllersPodsPerZoneAndPerHost() {
        Pod terminating = new PodBuilder(owned("t", RS)).editMetadata()
                .withDeletionTimestamp("2026-01-01T00:00:00Z").endMetadata().build();
        Pod otherNamespace = new PodBuilder(owned("n", RS)).editMetadata().withNamespace("elsewhere").endMetadata().build();
        NodeInfo a1 = zoned("a1", "a", owned("p1", RS), owned("p2", RS), owned("q1", OTHER_RS));
        NodeInfo a2 = zoned("a2", "a", owned("p3", RS), terminating);
        NodeInfo b1 = zoned("b1", "b", owned("q2", OTHER_RS), otherNamespace);
        NodeInfo b2 = zoned("b2", "b", owned("p4", RS));
        NodeInfo c1 = zoned("c1", "c", owned("p5", RS), owned("p6", RS), owned("p7", RS));
        NodeInfo unzoned = zoned("u", null, owned("p8", RS));
        List<NodeInfo> all = List.of(a1, a2, b1, b2, c1, unzoned);
        PodInfo incoming = PodInfo.of(owned("new", RS));
        // Zone c is not among the feasible nodes: its pods count for no domain that is scored.
        // Zone a holds 3 (the terminating pod does not count), zone b 1 (the pod in another namespace does not).
        // Raw: a1 = 2·ln7 + 2 + 3·ln4 + 4 = 14.05 → 14; a2 = ln7 + 2 + 3·ln4 + 4 = 12.1 → 12;
        // b1 = 2 + ln4 + 4 = 7.39 → 7; b2 = ln7 + 2 + ln4 + 4 = 9.33 → 9; u = ln7 + 2 = 3.95 → 4.
        assertArrayEquals(new long[]{28, 42, 78, 64, 100},
                scores(incoming, List.of(a1, a2, b1, b2, unzoned), all));
    }

    @Test
    void defaultConstraintsOnNodesWithoutZonesSpreadByHostOnly() {
        List<NodeInfo> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Pod[] pods = new Pod[i];
            for (int j = 0; j < i; j++) {
                pods[j] = owned("p" + i + "-" + j, RS);
            }
            all.add(zoned("n" + i, null, pods));
        }
        all.add(zoned("other", null, owned("q", OTHER_RS), owned("r", OTHER_RS)));
        // Raw: n·ln7 + 2 = 2, 4, 6, 8 for n = 0..3 own pods; "other" holds only another controller's pods: 2.
        assertArrayEquals(new long[]{100, 75, 50, 25, 100}, scores(PodInfo.of(owned("new", RS)), all, all));
    }

    @Test
    void nodeAffinityLeavesUnselectedNodesOutOfTheZoneCounts() {
        NodeInfo ssdA = nodeInfo(zonedNode("ssd-a", "a").editMetadata().addToLabels("disk", "ssd").endMetadata().build(),
                owned("p1", RS));
        NodeInfo hddA = zoned("hdd-a", "a", owned("p2", RS), owned("p3", RS), owned("p4", RS));
        NodeInfo ssdB = nodeInfo(zonedNode("ssd-b", "b").editMetadata().addToLabels("disk", "ssd").endMetadata().build(),
                owned("p5", RS), owned("p6", RS));
        PodInfo incoming = PodInfo.of(new PodBuilder(owned("new", RS)).editSpec()
                .withNodeSelector(Map.of("disk", "ssd")).endSpec().build());
        // Zone a counts 1 (hdd-a's pods are on a node the pod could not use), zone b counts 2.
        // Raw: ssd-a = ln4 + 2 + ln4 + 4 = 8.77 → 9; ssd-b = 2·ln4 + 2 + 2·ln4 + 4 = 11.55 → 12.
        assertArrayEquals(new long[]{100, 75}, scores(incoming, List.of(ssdA, ssdB), List.of(ssdA, hddA, ssdB)));
    }

    @Test
    void declaredSoftConstraintsIgnoreNodesMissingAKeyAndHonourTaintsWhenAsked() {
        TopologySpreadConstraint byZone = new TopologySpreadConstraintBuilder().withMaxSkew(1).withTopologyKey(ZONE)
                .withWhenUnsatisfiable("ScheduleAnyway").withNodeTaintsPolicy("Honor")
                .withLabelSelector(new LabelSelectorBuilder().addToMatchLabels("app", "web").build()).build();
        TopologySpreadConstraint byHost = new TopologySpreadConstraintBuilder().withMaxSkew(2)
                .withTopologyKey(SpreadConstraint.HOSTNAME).withWhenUnsatisfiable("ScheduleAnyway")
                .withLabelSelector(new LabelSelectorBuilder().addToMatchLabels("app", "web").build()).build();
        PodInfo incoming = PodInfo.of(new PodBuilder(labelled("new", "web")).editSpec()
                .withTopologySpreadConstraints(byZone, byHost).endSpec().build());
        NodeInfo a1 = zoned("a1", "a", labelled("w1", "web"), labelled("d1", "db"));
        NodeInfo a2 = zoned("a2", "a", labelled("w2", "web"), labelled("w3", "web"));
        NodeInfo tainted = nodeInfo(zonedNode("tainted", "b").editSpec()
                .withTaints(taint("dedicated", "x", "NoSchedule")).endSpec().build(), labelled("w4", "web"));
        NodeInfo b1 = zoned("b1", "b");
        NodeInfo bare = zoned("bare", null, labelled("w5", "web"));
        // bare lacks the zone key: ignored (score 0). The tainted node's pod is left out of zone b's count.
        // Hostname domains: the 3 feasible nodes not ignored. Raw: a1 = 3·ln4 + 0 + ln5 + 1 = 6.77 → 7;
        // a2 = 3·ln4 + 2·ln5 + 1 = 8.38 → 8; b1 = 0 + 0 + 0 + 1 = 1.
        assertArrayEquals(new long[]{25, 12, 100, 0},
                scores(incoming, List.of(a1, a2, b1, bare), List.of(a1, a2, tainted, b1, bare)));
    }
}
