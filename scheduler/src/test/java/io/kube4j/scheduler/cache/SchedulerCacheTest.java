package io.kube4j.scheduler.cache;

import static io.kube4j.scheduler.testing.TestObjects.node;
import static io.kube4j.scheduler.testing.TestObjects.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kube4j.scheduler.framework.NodeInfo;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.Snapshot;
import org.junit.jupiter.api.Test;

class SchedulerCacheTest {
    private final SchedulerCache cache = new SchedulerCache();
    private final Snapshot snapshot = new Snapshot();

    private static PodInfo bound(String name, String node) {
        return PodInfo.of(new PodBuilder(pod(name, "1", "1Gi").build()).editSpec().withNodeName(node).endSpec().build());
    }

    @Test
    void anAssumedPodTakesRoomUntilForgotten() {
        cache.addNode(node("a"));
        PodInfo p = PodInfo.of(pod("p", "1", "1Gi").build()).assumedOn("a");
        cache.assume(p);
        cache.updateSnapshot(snapshot);
        assertEquals(1000, snapshot.get("a").requested().milliCpu());
        assertTrue(cache.isAssumed("default/p"));
        assertThrows(IllegalStateException.class, () -> cache.assume(p));
        cache.forget("default/p");
        cache.updateSnapshot(snapshot);
        assertEquals(0, snapshot.get("a").requested().milliCpu());
    }

    @Test
    void theInformerConfirmsAnAssumedPodWhichThenStaysOnForget() {
        cache.addNode(node("a"));
        cache.assume(PodInfo.of(pod("p", "1", "1Gi").build()).assumedOn("a"));
        cache.addOrUpdatePod(bound("p", "a"));
        assertFalse(cache.isAssumed("default/p"));
        cache.forget("default/p");
        cache.updateSnapshot(snapshot);
        assertEquals(1, snapshot.get("a").pods().size());
        assertEquals(1000, snapshot.get("a").requested().milliCpu());
    }

    @Test
    void theSnapshotCopiesOnlyNodesThatChanged() {
        cache.addNode(node("a"));
        cache.addNode(node("b"));
        cache.updateSnapshot(snapshot);
        NodeInfo a = snapshot.get("a");
        NodeInfo b = snapshot.get("b");
        cache.addOrUpdatePod(bound("p", "b"));
        cache.updateSnapshot(snapshot);
        assertSame(a, snapshot.get("a"));
        assertNotSame(b, snapshot.get("b"));
        assertSame(snapshot.get("b"), snapshot.nodes().get(1));
        assertEquals(0, b.pods().size(), "the old copy is untouched");
    }

    @Test
    void podsBoundToAnUnknownNodeAreCountedOnceItArrives() {
        cache.addOrUpdatePod(bound("early", "late"));
        cache.updateSnapshot(snapshot);
        assertEquals(0, snapshot.size());
        cache.addNode(node("late"));
        cache.updateSnapshot(snapshot);
        assertEquals(1, snapshot.size());
        assertEquals(1, snapshot.get("late").pods().size());
        cache.removeNode("late");
        cache.updateSnapshot(snapshot);
        assertEquals(0, snapshot.size());
        cache.removePod("default/early");
        cache.updateSnapshot(snapshot);
        assertEquals(0, cache.nodeCount());
    }
}
