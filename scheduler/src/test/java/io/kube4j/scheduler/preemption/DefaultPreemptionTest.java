package io.kube4j.scheduler.preemption;

import static io.kube4j.scheduler.testing.TestObjects.node;
import static io.kube4j.scheduler.testing.TestObjects.nodeInfo;
import static io.kube4j.scheduler.testing.TestObjects.pod;
import static io.kube4j.scheduler.testing.TestObjects.taint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.Framework;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.Nominator;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.PostFilterResult;
import io.kube4j.scheduler.framework.Snapshot;
import io.kube4j.scheduler.framework.Status;
import io.kube4j.scheduler.plugins.NodeResourcesFit;
import io.kube4j.scheduler.plugins.TaintToleration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultPreemptionTest {
    private final List<PodDisruptionBudget> pdbs = new ArrayList<>();
    private final DefaultPreemption preemption = new DefaultPreemption(() -> pdbs);
    private final Framework framework = new Framework(new Nominator())
            .add(new TaintToleration()).add(new NodeResourcesFit()).add(preemption);

    private static Pod withPriority(String name, String cpu, int priority) {
        return pod(name, cpu, null).editSpec().withPriority(priority).endSpec().build();
    }

    private static NodeInfo twoCpus(String name, Pod... pods) {
        return nodeInfo(node(name, "2", "4Gi", 110).build(), pods);
    }

    private PostFilterResult preempt(PodInfo pod, NodeInfo... nodes) {
        Snapshot snapshot = Snapshot.of(List.of(nodes));
        CycleState state = new CycleState();
        framework.runPreFilter(state, pod, snapshot);
        Map<String, Status> statuses = new HashMap<>();
        for (NodeInfo n : nodes) {
            statuses.put(n.name(), framework.runFilters(state, pod, n));
        }
        return framework.runPostFilter(state, pod, snapshot, statuses);
    }

    private static List<String> names(List<PodInfo> pods) {
        return pods.stream().map(PodInfo::name).toList();
    }

    @Test
    void choosesTheNodeWhoseVictimsMatterLeast() {
        PodInfo urgent = PodInfo.of(withPriority("urgent", "1", 1000));
        PostFilterResult r = preempt(urgent, twoCpus("a", withPriority("important", "1500m", 100)),
                twoCpus("b", withPriority("batch", "1500m", 10)));
        assertTrue(r.status().isSuccess());
        assertEquals("b", r.nominatedNodeName());
        assertEquals(List.of("batch"), names(r.victims()));
    }

    @Test
    void evictsOnlyAsManyPodsAsNeededSparingTheMoreImportant() {
        PodInfo urgent = PodInfo.of(withPriority("urgent", "1", 1000));
        PostFilterResult r = preempt(urgent, twoCpus("a", withPriority("p1", "500m", 5), withPriority("p2", "500m", 1),
                withPriority("p3", "500m", 3), withPriority("p4", "500m", 2)));
        assertEquals(List.of("p4", "p2"), names(r.victims()));
    }

    @Test
    void prefersNodesWhereNoDisruptionBudgetIsViolated() {
        pdbs.add(new PodDisruptionBudgetBuilder().withNewMetadata().withName("guard").withNamespace("default").endMetadata()
                .withNewSpec().withSelector(new LabelSelectorBuilder().addToMatchLabels("app", "db").build()).endSpec()
                .withNewStatus().withDisruptionsAllowed(0).endStatus().build());
        Pod guarded = pod("db", "1500m", null).editMetadata().addToLabels("app", "db").endMetadata().build();
        PodInfo urgent = PodInfo.of(withPriority("urgent", "1", 1000));
        PostFilterResult r = preempt(urgent, twoCpus("a", guarded), twoCpus("b", withPriority("free", "1500m", 0)));
        assertEquals("b", r.nominatedNodeName());
        assertEquals(List.of("free"), names(r.victims()));
    }

    @Test
    void explainsWhyNothingCouldBePreempted() {
        PodInfo urgent = PodInfo.of(withPriority("urgent", "1", 1000));
        NodeInfo tainted = nodeInfo(node("t", "2", "4Gi", 110).editSpec().withTaints(taint("k", "v", "NoSchedule"))
                .endSpec().build());
        NodeInfo peers = twoCpus("peers", withPriority("equal", "1500m", 1000));
        PostFilterResult r = preempt(urgent, tainted, peers);
        assertEquals("preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, "
                + "1 Preemption is not helpful for scheduling.", r.status().message());
        assertEquals("", r.nominatedNodeName());
    }

    @Test
    void aPodThatNeverPreemptsIsNotEligible() {
        Pod polite = withPriority("polite", "1", 1000);
        polite.getSpec().setPreemptionPolicy("Never");
        PostFilterResult r = preempt(PodInfo.of(polite), twoCpus("a", withPriority("low", "1500m", 0)));
        assertEquals("preemption: not eligible due to preemptionPolicy=Never.", r.status().message());
    }
}
