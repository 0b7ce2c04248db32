package io.kube4j.scheduler;

import static io.kube4j.scheduler.testing.TestObjects.node;
import static io.kube4j.scheduler.testing.TestObjects.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kube4j.scheduler.framework.CycleState;
import io.kube4j.scheduler.framework.FilterPlugin;
import io.kube4j.scheduler.framework.Framework;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.Nominator;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.Snapshot;
import io.kube4j.scheduler.framework.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulingAlgorithmTest {
    @Test
    void findsAnAdaptiveShareOfFeasibleNodesAsUpstream() {
        assertEquals(50, SchedulingAlgorithm.numFeasibleNodesToFind(0, 50));
        assertEquals(100, SchedulingAlgorithm.numFeasibleNodesToFind(0, 100));
        assertEquals(100, SchedulingAlgorithm.numFeasibleNodesToFind(0, 200), "48% of 200 is below the minimum 100");
        assertEquals(420, SchedulingAlgorithm.numFeasibleNodesToFind(0, 1000), "50 - 1000/125 = 42%");
        assertEquals(500, SchedulingAlgorithm.numFeasibleNodesToFind(0, 5000), "50 - 40 = 10%");
        assertEquals(300, SchedulingAlgorithm.numFeasibleNodesToFind(0, 6000), "at least 5%");
        assertEquals(3000, SchedulingAlgorithm.numFeasibleNodesToFind(50, 6000), "a configured percentage");
    }

    /** Records the nodes it is asked about. */
    private static final class Recorder implements FilterPlugin {
        final List<String> seen = new ArrayList<>();

        @Override
        public String name() {
            return "Recorder";
        }

        @Override
        public Status filter(CycleState state, PodInfo pod, NodeInfo node) {
            seen.add(node.name());
            return Status.SUCCESS;
        }
    }

    @Test
    void eachPodStartsFilteringWhereThePreviousOneStopped() {
        List<NodeInfo> nodes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            nodes.add(new NodeInfo(node("n" + i)));
        }
        Snapshot snapshot = Snapshot.of(nodes);
        Recorder recorder = new Recorder();
        SchedulingAlgorithm algorithm = new SchedulingAlgorithm(new Framework(new Nominator()).add(recorder), 0);
        algorithm.schedule(new CycleState(), PodInfo.of(pod("a")), snapshot);
        assertEquals(100, recorder.seen.size());
        assertEquals("n0", recorder.seen.getFirst());
        recorder.seen.clear();
        algorithm.schedule(new CycleState(), PodInfo.of(pod("b")), snapshot);
        assertEquals("n100", recorder.seen.getFirst());
        assertEquals("n199", recorder.seen.getLast());
        recorder.seen.clear();
        algorithm.schedule(new CycleState(), PodInfo.of(pod("c")), snapshot);
        assertEquals("n0", recorder.seen.getFirst());
    }
}
