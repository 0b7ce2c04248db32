package io.kube4j.scheduler.queue;

import static io.kube4j.scheduler.testing.TestObjects.pod;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kube4j.scheduler.framework.ClusterEvent;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.testing.FakeTicker;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchedulingQueueTest {
    private final FakeTicker ticker = new FakeTicker();
    private final SchedulingQueue queue = new SchedulingQueue(ticker, Map.of(
            "NodeResourcesFit", Set.of(ClusterEvent.NODE_ADD, ClusterEvent.POD_DELETE),
            "TaintToleration", Set.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_TAINT)));

    private static PodInfo info(String name, int priority) {
        Pod p = new PodBuilder(pod(name)).editSpec().withPriority(priority).endSpec().build();
        return PodInfo.of(p);
    }

    /** Pops the pod and returns it as rejected by {@code plugins}. */
    private QueuedPodInfo failOnce(String name, String... plugins) throws InterruptedException {
        QueuedPodInfo q = queue.pop(0);
        assertEquals("default/" + name, q.pod().key());
        q.setRejectingPlugins(Set.of(plugins));
        queue.requeue(q, queue.schedulingCycle());
        return q;
    }

    @Test
    void popsHigherPriorityFirstThenOlder() throws InterruptedException {
        queue.add(info("low", 0));
        ticker.advance(Duration.ofMillis(1));
        queue.add(info("high", 1000));
        ticker.advance(Duration.ofMillis(1));
        queue.add(info("low2", 0));
        assertEquals("default/high", queue.pop(0).pod().key());
        assertEquals("default/low", queue.pop(0).pod().key());
        assertEquals("default/low2", queue.pop(0).pod().key());
        assertNull(queue.pop(0));
    }

    @Test
    void backoffDoublesFromOneSecondUpToTen() {
        assertEquals(Duration.ofSeconds(1), SchedulingQueue.backoffDuration(1));
        assertEquals(Duration.ofSeconds(2), SchedulingQueue.backoffDuration(2));
        assertEquals(Duration.ofSeconds(8), SchedulingQueue.backoffDuration(4));
        assertEquals(Duration.ofSeconds(10), SchedulingQueue.backoffDuration(5));
        assertEquals(Duration.ofSeconds(10), SchedulingQueue.backoffDuration(30));
    }

    @Test
    void anUnschedulablePodWaitsForAnEventItsPluginsRegistered() throws InterruptedException {
        queue.add(info("p", 0));
        failOnce("p", "NodeResourcesFit");
        assertEquals("unschedulable", queue.whereIs("default/p"));
        queue.onEvent(ClusterEvent.NODE_TAINT);
        assertEquals("unschedulable", queue.whereIs("default/p"), "a taint change cannot give it cpu");
        queue.onEvent(ClusterEvent.POD_DELETE);
        assertEquals("backoff", queue.whereIs("default/p"), "moved, but its 1 s backoff is not over");
        ticker.advance(Duration.ofMillis(999));
        queue.flushBackoffCompleted();
        assertEquals("backoff", queue.whereIs("default/p"));
        ticker.advance(Duration.ofMillis(1));
        queue.flushBackoffCompleted();
        assertEquals("active", queue.whereIs("default/p"));
    }

    @Test
    void aPodWhoseBackoffIsOverGoesStraightToActiveOnTheEvent() throws InterruptedException {
        queue.add(info("p", 0));
        failOnce("p", "TaintToleration");
        ticker.advance(Duration.ofSeconds(5));
        queue.onEvent(ClusterEvent.NODE_TAINT);
        assertEquals("active", queue.whereIs("default/p"));
    }

    @Test
    void anEventDuringTheAttemptSendsThePodToBackoffInsteadOfWaiting() throws InterruptedException {
        queue.add(info("p", 0));
        QueuedPodInfo q = queue.pop(0);
        long cycle = queue.schedulingCycle();
        queue.onEvent(ClusterEvent.NODE_ADD);
        q.setRejectingPlugins(Set.of("NodeResourcesFit"));
        queue.requeue(q, cycle);
        assertEquals("backoff", queue.whereIs("default/p"));
    }

    @Test
    void anErrorRetriesAfterTheBackoffWithoutAnEvent() throws InterruptedException {
        queue.add(info("p", 0));
        failOnce("p");
        assertEquals("backoff", queue.whereIs("default/p"));
        ticker.advance(Duration.ofSeconds(1));
        queue.flushBackoffCompleted();
        failOnce("p");
        ticker.advance(Duration.ofSeconds(1));
        queue.flushBackoffCompleted();
        assertEquals("backoff", queue.whereIs("default/p"), "second attempt backs off 2 s");
        ticker.advance(Duration.ofSeconds(1));
        queue.flushBackoffCompleted();
        assertEquals("active", queue.whereIs("default/p"));
    }

    @Test
    void podsLeftUnschedulableForFiveMinutesAreRetried() throws InterruptedException {
        queue.add(info("p", 0));
        failOnce("p", "NodeResourcesFit");
        ticker.advance(Duration.ofMinutes(4));
        queue.flushUnschedulableLeftover();
        assertEquals("unschedulable", queue.whereIs("default/p"));
        ticker.advance(Duration.ofMinutes(1).plusSeconds(1));
        queue.flushUnschedulableLeftover();
        assertEquals("active", queue.whereIs("default/p"));
    }

    @Test
    void aSpecChangeRetriesAnUnschedulablePodButAStatusChangeDoesNot() throws InterruptedException {
        queue.add(info("p", 0));
        QueuedPodInfo q = failOnce("p", "NodeResourcesFit");
        Pod statusOnly = new PodBuilder(q.pod().pod()).editStatus().addNewCondition().withType("PodScheduled")
                .withStatus("False").endCondition().endStatus().build();
        queue.update(PodInfo.of(statusOnly));
        assertEquals("unschedulable", queue.whereIs("default/p"));
        Pod relabelled = new PodBuilder(statusOnly).editMetadata().addToLabels("tier", "web").endMetadata().build();
        queue.update(PodInfo.of(relabelled));
        assertEquals("backoff", queue.whereIs("default/p"));
    }

    @Test
    void aDeletedPodLeavesEveryPartOfTheQueue() throws InterruptedException {
        queue.add(info("p", 0));
        QueuedPodInfo q = queue.pop(0);
        queue.delete("default/p");
        q.setRejectingPlugins(Set.of("NodeResourcesFit"));
        queue.requeue(q, queue.schedulingCycle());
        assertNull(queue.whereIs("default/p"));
        queue.add(info("r", 0));
        queue.delete("default/r");
        assertNull(queue.pop(0));
    }
}
