package io.kube4j.scheduler.plugins;

import static io.kube4j.scheduler.testing.TestObjects.node;
import static io.kube4j.scheduler.testing.TestObjects.nodeInfo;
import static io.kube4j.scheduler.testing.TestObjects.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kube4j.scheduler.framework.Code;
import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeResourcesTest {
    private final NodeResourcesFit fit = new NodeResourcesFit();
    private final NodeResourcesBalancedAllocation balanced = new NodeResourcesBalancedAllocation();
    private final CycleState state = new CycleState();

    @Test
    void rejectsWhatTheNodeHasNoRoomFor() {
        NodeInfo node = nodeInfo(node("n", "2", "4Gi", 110).build(), pod("a", "1500m", "1Gi").build());
        Status s = fit.filter(state, PodInfo.of(pod("p", "600m", "4Gi").build()), node);
        assertEquals(Code.UNSCHEDULABLE, s.code());
        assertEquals(List.of("Insufficient cpu", "Insufficient memory"), s.reasons());
        assertTrue(fit.filter(state, PodInfo.of(pod("p", "500m", "3Gi").build()), node).isSuccess());
    }

    @Test
    void aFullNodeTakesNoMorePodsEvenWithoutRequests() {
        NodeInfo node = nodeInfo(node("n", "2", "4Gi", 2).build(), pod("a"), pod("b"));
        Status s = fit.filter(state, PodInfo.of(pod("p")), node);
        assertEquals(List.of("Too many pods"), s.reasons());
    }

    @Test
    void leastAllocatedPrefersTheEmptierNode() {
        NodeInfo busy = nodeInfo(node("busy", "4", "8Gi", 110).build(), pod("a", "3", "6Gi").build());
        NodeInfo idle = nodeInfo(node("idle", "4", "8Gi", 110).build());
        PodInfo p = PodInfo.of(pod("p", "1", "2Gi").build());
        // idle: cpu (4000-1000)/4000 = 75, memory 75 -> 75; busy: cpu 0, memory 0 -> 0.
        assertEquals(75, fit.score(state, p, idle));
        assertEquals(0, fit.score(state, p, busy));
    }

    @Test
    void balancedAllocationFavoursEqualCpuAndMemoryShares() {
        NodeInfo node = nodeInfo(node("n", "4", "8Gi", 110).build());
        // cpu 2/4 = 0.5, memory 2/8 = 0.25: std 0.125 -> 87.
        assertEquals(87, balanced.score(state, PodInfo.of(pod("p", "2", "2Gi").build()), node));
        assertEquals(100, balanced.score(state, PodInfo.of(pod("q", "2", "4Gi").build()), node));
        assertTrue(balanced.preScore(state, PodInfo.of(pod("r")), List.of(node), null).isSkip());
    }
}
