package io.kube4j.scheduler.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FitErrorTest {
    @Test
    void countsEachReasonOverTheNodes() {
        Map<String, Status> statuses = Map.of(
                "a", Status.unschedulable("Insufficient cpu").withPlugin("NodeResourcesFit"),
                "b", Status.unschedulable("Insufficient cpu").withPlugin("NodeResourcesFit"),
                "c", Status.unschedulable("Insufficient cpu").withPlugin("NodeResourcesFit"));
        assertEquals("0/3 nodes are available: 3 Insufficient cpu.", new FitError(3, statuses, null, null).message());
    }

    @Test
    void sortsTheHistogramAsStringsAndCountsEveryReasonOfANode() {
        Map<String, Status> statuses = new LinkedHashMap<>();
        statuses.put("a", Status.unschedulable("Insufficient cpu", "Insufficient memory"));
        statuses.put("b", Status.unschedulable("Insufficient cpu"));
        statuses.put("c", Status.unresolvable("node(s) had untolerated taint {dedicated: gpu}"));
        assertEquals("0/3 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {dedicated: gpu}, "
                + "2 Insufficient cpu.", new FitError(3, statuses, null, null).message());
    }

    @Test
    void appendsThePreemptionMessage() {
        Map<String, Status> statuses = Map.of("a", Status.unschedulable("Insufficient cpu"));
        FitError e = new FitError(1, statuses, null, null).withPostFilterMessage(
                "preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.");
        assertEquals("0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: "
                + "1 No preemption victims found for incoming pod.", e.message());
    }

    @Test
    void aPreFilterRejectionReplacesTheNodeCounts() {
        Map<String, Status> statuses = Map.of("a", Status.unresolvable("x"), "b", Status.unresolvable("x"));
        assertEquals("0/2 nodes are available: pod has unbound immediate PersistentVolumeClaims.",
                new FitError(2, statuses, "pod has unbound immediate PersistentVolumeClaims", null).message());
    }

    @Test
    void rejectingPluginsAreThoseThatRejectedSomeNode() {
        Map<String, Status> statuses = Map.of(
                "a", Status.unschedulable("Insufficient cpu").withPlugin("NodeResourcesFit"),
                "b", Status.unresolvable("node(s) were unschedulable").withPlugin("NodeUnschedulable"));
        assertEquals(Set.of("NodeResourcesFit", "NodeUnschedulable"), new FitError(2, statuses, null, null).rejectingPlugins());
    }
}
