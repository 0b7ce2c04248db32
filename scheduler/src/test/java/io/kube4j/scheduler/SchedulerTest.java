package io.kube4j.scheduler;

import static io.kube4j.scheduler.testing.TestObjects.node;
import static io.kube4j.scheduler.testing.TestObjects.pod;
import static io.kube4j.scheduler.testing.TestObjects.taint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import io.kube4j.scheduler.testing.FakeTicker;
import io.kube4j.scheduler.testing.FakeWrites;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheduling cycle over informer notifications fed by hand, with recorded writes. */
class SchedulerTest {
    private final FakeWrites writes = new FakeWrites();
    private final FakeTicker ticker = new FakeTicker();
    private final Scheduler scheduler = new Scheduler(writes, ticker, List::of);

    private void threeNodes() {
        for (String n : List.of("a", "b", "c")) {
            scheduler.onNodeAdd(node(n, "2", "4Gi", 110).build());
        }
    }

    /** Schedules and, as the informer would, reports the bound pod back. */
    private String scheduleAndObserve(Pod pod) throws InterruptedException {
        scheduler.onPodAdd(pod);
        assertTrue(scheduler.scheduleOne(0));
        String key = "default/" + pod.getMetadata().getName();
        String node = writes.bindings.get(key);
        if (node != null) {
            scheduler.onPodUpdate(pod, new PodBuilder(pod).editSpec().withNodeName(node).endSpec().build());
        }
        return node;
    }

    @Test
    void bindsPodsAndRecordsScheduledEvents() throws InterruptedException {
        threeNodes();
        String node = scheduleAndObserve(pod("web", "500m", "1Gi").build());
        assertTrue(List.of("a", "b", "c").contains(node));
        assertEquals("Successfully assigned default/web to " + node,
                writes.eventsFor("default/web", "Scheduled").getFirst().message());
        assertNull(scheduler.queue().whereIs("default/web"));
    }

    @Test
    void spreadsPodsOverTheEmptierNodes() throws InterruptedException {
        threeNodes();
        String first = scheduleAndObserve(pod("p1", "1", "1Gi").build());
        String second = scheduleAndObserve(pod("p2", "1", "1Gi").build());
        String third = scheduleAndObserve(pod("p3", "1", "1Gi").build());
        assertEquals(3, java.util.Set.of(first, second, third).size(), "LeastAllocated puts each on an empty node");
    }

    @Test
    void aPodTooBigForEveryNodeStaysPendingWithUpstreamsMessage() throws InterruptedException {
        threeNodes();
        assertNull(scheduleAndObserve(pod("huge", "3", "1Gi").build()));
        String expected = "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: "
                + "3 No preemption victims found for incoming pod.";
        assertEquals(expected, writes.eventsFor("default/huge", "FailedScheduling").getFirst().message());
        assertEquals(new FakeWrites.Condition("Unschedulable", expected, ""), writes.conditions.get("default/huge"));
        assertEquals("unschedulable", scheduler.queue().whereIs("default/huge"));
        scheduler.onNodeAdd(node("big", "8", "16Gi", 110).build());
        assertEquals("backoff", scheduler.queue().whereIs("default/huge"), "a new node may fit it, after the backoff");
        ticker.advance(Duration.ofSeconds(1));
        scheduler.queue().flushBackoffCompleted();
        assertTrue(scheduler.scheduleOne(0));
        assertEquals("big", writes.bindings.get("default/huge"));
    }

    @Test
    void taintsAndNodeSelectorsSteerPods() throws InterruptedException {
        scheduler.onNodeAdd(node("gpu", "2", "4Gi", 110).editSpec().withTaints(taint("dedicated", "gpu", "NoSchedule"))
                .endSpec().editMetadata().addToLabels("accelerator", "gpu").endMetadata().build());
        scheduler.onNodeAdd(node("plain", "2", "4Gi", 110).build());
        for (int i = 0; i < 3; i++) {
            assertEquals("plain", scheduleAndObserve(pod("p" + i, "100m", null).build()));
        }
        Pod wantsGpu = pod("trainer", "100m", null).editSpec().withNodeSelector(Map.of("accelerator", "gpu")).endSpec().build();
        assertNull(scheduleAndObserve(wantsGpu));
        assertEquals("0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, "
                        + "1 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/2 nodes are available: "
                        + "2 Preemption is not helpful for scheduling.",
                writes.eventsFor("default/trainer", "FailedScheduling").getFirst().message());
    }

    @Test
    void aHighPriorityPodPreemptsLowerPriorityPods() throws InterruptedException {
        scheduler.onPriorityClass(new PriorityClassBuilder().withNewMetadata().withName("high").endMetadata()
                .withValue(1000).build());
        scheduler.onNodeAdd(node("only", "2", "4Gi", 110).build());
        String filler = scheduleAndObserve(pod("filler", "1500m", null).build());
        assertEquals("only", filler);
        Pod urgent = pod("urgent", "1", null).editSpec().withPriorityClassName("high").endSpec().build();
        assertNull(scheduleAndObserve(urgent));
        assertEquals(List.of("default/filler"), writes.deleted);
        assertEquals("only", writes.conditions.get("default/urgent").nominatedNode());
        assertEquals("Preempted by default/urgent on node only",
                writes.eventsFor("default/filler", "Preempted").getFirst().message());
        // The victim goes away: the preemptor is retried after its backoff and lands on the node.
        scheduler.onPodDelete(new PodBuilder(pod("filler", "1500m", null).build()).editSpec().withNodeName("only").endSpec().build());
        ticker.advance(Duration.ofSeconds(1));
        scheduler.queue().flushBackoffCompleted();
        assertTrue(scheduler.scheduleOne(0));
        assertEquals("only", writes.bindings.get("default/urgent"));
    }

    @Test
    void aFinishedPodFreesItsRoom() throws InterruptedException {
        scheduler.onNodeAdd(node("only", "2", "4Gi", 110).build());
        Pod job = pod("job", "1500m", null).build();
        assertEquals("only", scheduleAndObserve(job));
        assertNull(scheduleAndObserve(pod("waiting", "1500m", null).build()));
        Pod bound = new PodBuilder(job).editSpec().withNodeName("only").endSpec().build();
        scheduler.onPodUpdate(bound, new PodBuilder(bound).editStatus().withPhase("Succeeded").endStatus().build());
        assertEquals("backoff", scheduler.queue().whereIs("default/waiting"), "the freed room requeues it");
        ticker.advance(Duration.ofSeconds(1));
        scheduler.queue().flushBackoffCompleted();
        assertTrue(scheduler.scheduleOne(0));
        assertEquals("only", writes.bindings.get("default/waiting"));
    }

    @Test
    void aFailedBindingIsForgottenAndRetried() throws InterruptedException {
        scheduler.onNodeAdd(node("only", "2", "4Gi", 110).build());
        writes.failBindings = true;
        scheduler.onPodAdd(pod("p", "1500m", null).build());
        assertTrue(scheduler.scheduleOne(0));
        assertTrue(writes.eventsFor("default/p", "FailedScheduling").getFirst().message().startsWith("Binding rejected: "));
        assertFalse(scheduler.cache().isAssumed("default/p"));
        assertEquals(List.of(), scheduler.cache().podsOn("only"));
        assertEquals("backoff", scheduler.queue().whereIs("default/p"));
        writes.failBindings = false;
        ticker.advance(Duration.ofSeconds(1));
        scheduler.queue().flushBackoffCompleted();
        assertTrue(scheduler.scheduleOne(0));
        assertEquals("only", writes.bindings.get("default/p"));
    }

    @Test
    void podsForOtherSchedulersOrBeingDeletedAreLeftAlone() throws InterruptedException {
        threeNodes();
        scheduler.onPodAdd(pod("other", null, null).editSpec().withSchedulerName("my-scheduler").endSpec().build());
        scheduler.onPodAdd(pod("gone", null, null).editMetadata().withDeletionTimestamp("2026-01-01T00:00:00Z").endMetadata().build());
        assertFalse(scheduler.scheduleOne(0));
    }
}
