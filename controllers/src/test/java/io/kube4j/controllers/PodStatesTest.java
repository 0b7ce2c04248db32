package io.kube4j.controllers;

import static io.kube4j.controllers.testing.Fixtures.pod;
import static io.kube4j.controllers.testing.Fixtures.running;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodStatesTest {
    private static final String READY_AT = "2030-01-01T00:00:00Z";

    private static Pod readyPod() {
        return running(pod("p", Map.of(), null), "n1", READY_AT);
    }

    @Test
    void availableOnlyOnceReadyForMoreThanMinReadySeconds() {
        Instant readyAt = Instant.parse(READY_AT);
        assertTrue(PodStates.isAvailable(readyPod(), 0, readyAt), "ready is enough without minReadySeconds");
        assertFalse(PodStates.isAvailable(readyPod(), 10, readyAt.plusSeconds(10)), "not at exactly minReadySeconds");
        assertTrue(PodStates.isAvailable(readyPod(), 10, readyAt.plusSeconds(11)));
        assertFalse(PodStates.isAvailable(pod("q", Map.of(), null), 0, readyAt), "a pod that is not ready never is");
    }

    @Test
    void readySinceIsKnownOnlyWhileReady() {
        assertEquals(Instant.parse(READY_AT), PodStates.readySince(readyPod()));
        Pod notReady = readyPod();
        notReady.getStatus().setConditions(List.of(new PodCondition(null, READY_AT, null, null, null, "False", "Ready")));
        assertNull(PodStates.readySince(notReady));
        assertFalse(PodStates.isReady(notReady));
    }

    @Test
    void finishedAndTerminatingPodsAreNotActive() {
        Pod pod = readyPod();
        assertTrue(PodStates.isActive(pod));
        assertTrue(PodStates.isRunningAndReady(pod));
        pod.getStatus().setPhase(PodStates.SUCCEEDED);
        assertTrue(PodStates.isFinished(pod));
        assertFalse(PodStates.isActive(pod));
        Pod deleting = readyPod();
        deleting.getMetadata().setDeletionTimestamp(READY_AT);
        assertTrue(PodStates.isTerminating(deleting));
        assertFalse(PodStates.isActive(deleting));
    }
}
