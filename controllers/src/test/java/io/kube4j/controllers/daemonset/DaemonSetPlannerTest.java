package io.kube4j.controllers.daemonset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.kube4j.controllers.daemonset.DaemonSetPlanner.DaemonPod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DaemonSetPlannerTest {
    private static final NodeEligibility.Decision RUN = new NodeEligibility.Decision(true, true);
    private static final NodeEligibility.Decision STAY = new NodeEligibility.Decision(false, true);
    private static final NodeEligibility.Decision NEVER = new NodeEligibility.Decision(false, false);
    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    private static DaemonPod pod(String name, String node, boolean updated, boolean available) {
        return new DaemonPod(name, node, false, false, updated, available, available, T);
    }

    private static List<String> names(List<DaemonPod> pods) {
        return pods.stream().map(DaemonPod::name).toList();
    }

    @Test
    void createsOnEligibleNodesWithoutAPodAndRemovesWhatMustLeave() {
        Map<String, NodeEligibility.Decision> nodes = new TreeMap<>(Map.of("a", RUN, "b", RUN, "c", STAY, "d", NEVER));
        DaemonPod onC = pod("p-c", "c", true, true);
        DaemonPod onD = pod("p-d", "d", true, true);
        DaemonPod onGone = pod("p-gone", "gone", true, true);
        DaemonSetPlanner.Manage manage = DaemonSetPlanner.manage(nodes, List.of(pod("p-a", "a", true, true), onC, onD, onGone));
        assertEquals(List.of("b"), manage.createOn());
        assertEquals(List.of("p-d", "p-gone"), names(manage.delete()), "a pod may stay where it only may not be placed");
    }

    @Test
    void failedPodsAreReplacedAndSurplusPodsLeaveOldestFirstKept() {
        DaemonPod failed = new DaemonPod("failed", "a", false, true, true, false, false, T);
        DaemonPod older = new DaemonPod("older", "b", false, false, true, true, true, T);
        DaemonPod newer = new DaemonPod("newer", "b", false, false, true, true, true, T.plusSeconds(5));
        DaemonSetPlanner.Manage manage = DaemonSetPlanner.manage(Map.of("a", RUN, "b", RUN), List.of(failed, newer, older));
        assertEquals(List.of("failed"), names(manage.failed()));
        assertEquals(List.of("newer"), names(manage.delete()));
        assertEquals(List.of(), manage.createOn(), "node a has a (failed) pod until it is deleted");
    }

    @Test
    void rolloutKeepsAtMostMaxUnavailableNodesDown() {
        List<DaemonPod> allOld = List.of(pod("a1", "a", false, true), pod("b1", "b", false, true), pod("c1", "c", false, true));
        assertEquals(List.of("a1"), names(DaemonSetPlanner.rollout(allOld, 1)));
        assertEquals(List.of("a1", "b1"), names(DaemonSetPlanner.rollout(allOld, 2)));
        List<DaemonPod> oneNewNotReady = List.of(pod("a2", "a", true, false), pod("b1", "b", false, true), pod("c1", "c", false, true));
        assertEquals(List.of(), names(DaemonSetPlanner.rollout(oneNewNotReady, 1)), "the new pod on a is not available yet");
        List<DaemonPod> unavailableOld = List.of(pod("a2", "a", true, false), pod("b1", "b", false, false), pod("c1", "c", false, true));
        assertEquals(List.of("b1"), names(DaemonSetPlanner.rollout(unavailableOld, 1)), "unavailable old pods go at once");
    }

    @Test
    void maxUnavailablePercentagesRoundUp() {
        assertEquals(1, DaemonSetPlanner.maxUnavailable(null, 10));
        assertEquals(3, DaemonSetPlanner.maxUnavailable(new IntOrString("25%"), 10));
        assertEquals(1, DaemonSetPlanner.maxUnavailable(new IntOrString("0%"), 10), "never zero without surge");
        assertEquals(2, DaemonSetPlanner.maxUnavailable(new IntOrString(2), 10));
    }

    @Test
    void statusCountsPerNode() {
        Map<String, NodeEligibility.Decision> nodes = Map.of("a", RUN, "b", RUN, "c", RUN, "d", NEVER);
        List<DaemonPod> pods = List.of(pod("a1", "a", true, true), pod("b1", "b", false, false), pod("d1", "d", true, true));
        DaemonSetPlanner.Counts counts = DaemonSetPlanner.count(nodes, pods);
        assertEquals(new DaemonSetPlanner.Counts(3, 2, 1, 1, 1, 1), counts);
    }
}
