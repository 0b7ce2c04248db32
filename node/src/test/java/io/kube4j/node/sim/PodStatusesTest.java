package io.kube4j.node.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PodStatusesTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private final SimulatedNode node = new SimulatedNode(1, "sim-1", Ipv4Block.parse("10.244.1.0/24"));

    @Test
    void creatingShowsContainersWaitingAndThePodNotReady() {
        PodStatus status = PodStatuses.creating(PodPlanTest.pod("Always").build(), node, T0);
        assertEquals("Pending", status.getPhase());
        assertEquals("172.16.0.2", status.getHostIP());
        assertEquals("2025-01-01T00:00:00Z", status.getStartTime());
        ContainerStatus container = status.getContainerStatuses().get(0);
        assertEquals("ContainerCreating", container.getState().getWaiting().getReason());
        assertEquals("docker.io/library/nginx:latest", container.getImage());
        assertFalse(container.getReady());
        assertNull(container.getContainerID());
        PodCondition ready = condition(status, "Ready");
        assertEquals("False", ready.getStatus());
        assertEquals("ContainersNotReady", ready.getReason());
        assertEquals("containers with unready status: [c]", ready.getMessage());
        assertEquals("True", condition(status, "PodScheduled").getStatus());
    }

    @Test
    void runningHasTheAddressReadyContainersAndKeepsUnchangedTransitionTimes() {
        Pod pod = PodPlanTest.pod("Always").editStatus()
                .addNewCondition().withType("PodScheduled").withStatus("True")
                .withLastTransitionTime("2024-12-31T23:59:00Z").endCondition().endStatus().build();
        PodStatus status = PodStatuses.running(pod, node, "10.244.1.2", T0);
        assertEquals("Running", status.getPhase());
        assertEquals("10.244.1.2", status.getPodIP());
        assertEquals("10.244.1.2", status.getPodIPs().get(0).getIp());
        assertEquals("True", condition(status, "Ready").getStatus());
        assertEquals("True", condition(status, "ContainersReady").getStatus());
        assertTrue(status.getConditions().stream().noneMatch(c -> c.getType().equals("PodScheduled")),
                "the scheduler's condition is left to the merge");
        ContainerStatus container = status.getContainerStatuses().get(0);
        assertTrue(container.getReady());
        assertTrue(container.getStarted());
        assertEquals(0, container.getRestartCount());
        assertEquals("2025-01-01T00:00:00Z", container.getState().getRunning().getStartedAt());
        assertTrue(container.getContainerID().matches("kube4j-sim://[0-9a-f]{64}"));
        assertTrue(container.getImageID().matches("docker.io/library/nginx@sha256:[0-9a-f]{64}"));
    }

    @Test
    void terminatedWithANonzeroExitCodeFails() {
        Pod pod = PodPlanTest.pod("Never").build();
        PodStatus failed = PodStatuses.terminated(pod, node, 3, T0, T0.plusSeconds(2));
        assertEquals("Failed", failed.getPhase());
        ContainerStatus container = failed.getContainerStatuses().get(0);
        assertEquals(3, container.getState().getTerminated().getExitCode());
        assertEquals("Error", container.getState().getTerminated().getReason());
        assertEquals("2025-01-01T00:00:02Z", container.getState().getTerminated().getFinishedAt());
        assertEquals(PodStatuses.containerId(pod, pod.getSpec().getContainers().get(0)), container.getContainerID());
        assertEquals("PodFailed", condition(failed, "Ready").getReason());

        PodStatus succeeded = PodStatuses.terminated(pod, node, 0, T0, T0.plusSeconds(2));
        assertEquals("Succeeded", succeeded.getPhase());
        assertEquals("Completed", succeeded.getContainerStatuses().get(0).getState().getTerminated().getReason());
        assertEquals("PodCompleted", condition(succeeded, "Ready").getReason());
    }

    @Test
    void thePatchClearsReasonsAndMessagesAConditionNoLongerHas() {
        PodStatus running = PodStatuses.running(PodPlanTest.pod("Always").build(), node, "10.244.1.2", T0);
        String patch = PodStatuses.patch(new KubernetesSerialization(), running);
        assertTrue(patch.startsWith("{\"status\":{"), patch);
        assertTrue(patch.contains("{\"lastTransitionTime\":\"2025-01-01T00:00:00Z\",\"status\":\"True\",\"type\":\"Ready\","
                + "\"reason\":null,\"message\":null}"), patch);
        assertTrue(patch.contains("\"podIP\":\"10.244.1.2\""), patch);
    }

    @Test
    void initContainersCompleteBeforeTheContainersRun() {
        Pod pod = PodPlanTest.pod("Always").editSpec().addNewInitContainer().withName("init").withImage("busybox:1.36")
                .endInitContainer().endSpec().build();
        PodStatus creating = PodStatuses.creating(pod, node, T0);
        assertEquals("False", condition(creating, "Initialized").getStatus());
        assertEquals("PodInitializing", creating.getContainerStatuses().get(0).getState().getWaiting().getReason());
        PodStatus running = PodStatuses.running(pod, node, "10.244.1.2", T0);
        assertEquals("Completed", running.getInitContainerStatuses().get(0).getState().getTerminated().getReason());
        assertEquals("docker.io/library/busybox:1.36", running.getInitContainerStatuses().get(0).getImage());
    }

    @Test
    void imagesAreNormalizedAsARuntimeReportsThem() {
        assertEquals("docker.io/library/nginx:latest", ContainerImages.normalize("nginx"));
        assertEquals("docker.io/me/app:1", ContainerImages.normalize("me/app:1"));
        assertEquals("registry.k8s.io/pause:3.10", ContainerImages.normalize("registry.k8s.io/pause:3.10"));
        assertEquals("localhost:5000/app:latest", ContainerImages.normalize("localhost:5000/app"));
        assertEquals("docker.io/library/nginx@sha256:abc", ContainerImages.imageId("nginx@sha256:abc"));
    }

    @Test
    void usageComesFromTheAnnotations() {
        Pod pod = PodPlanTest.pod("Always").editMetadata().addToAnnotations(SimulatedPods.CPU_USAGE, "250m")
                .addToAnnotations(SimulatedPods.MEMORY_USAGE, "64Mi").endMetadata().build();
        PodUsage usage = PodUsage.of(pod, T0);
        assertEquals(250, usage.cpuMillis());
        assertEquals(64L * 1024 * 1024, usage.memoryBytes());
        assertEquals(new PodUsage(0, 0, T0), PodUsage.of(PodPlanTest.pod("Always").build(), T0));
        assertEquals(1500, PodUsage.of(PodPlanTest.pod("Always").editMetadata()
                .addToAnnotations(SimulatedPods.CPU_USAGE, "1.5").endMetadata().build(), T0).cpuMillis());
    }

    private static PodCondition condition(PodStatus status, String type) {
        return status.getConditions().stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
    }
}
