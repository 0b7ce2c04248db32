package io.kube4j.node.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kube4j.node.sim.PodPlan.Action;
import io.kube4j.node.sim.PodPlan.Step;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PodPlanTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private final PodPlan plan = new PodPlan(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(500));

    static PodBuilder pod(String restartPolicy) {
        return new PodBuilder()
                .withNewMetadata().withName("p").withNamespace("default").withUid("uid-1").endMetadata()
                .withNewSpec().withNodeName("sim-1").withRestartPolicy(restartPolicy)
                .addNewContainer().withName("c").withImage("nginx").endContainer().endSpec()
                .withNewStatus().withPhase("Pending").endStatus();
    }

    @Test
    void aNewPodFirstReportsContainersBeingCreatedThenStartsAfterTheDelay() {
        Pod pod = pod("Always").build();
        PodRecord record = PodPlan.adopt(pod, T0);
        assertEquals(new Step(Action.REPORT_CREATING, T0), plan.next(pod, record, T0));
        record.advance(PodStage.CREATING, T0);
        assertEquals(new Step(Action.START, T0.plusMillis(500)), plan.next(pod, record, T0));
    }

    @Test
    void withoutAStartDelayANewPodStartsAtOnce() {
        PodPlan immediate = new PodPlan(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMillis(500));
        Pod pod = pod("Always").build();
        assertEquals(new Step(Action.START, T0), immediate.next(pod, PodPlan.adopt(pod, T0), T0));
    }

    /** A pod as the kubelet reported it Running: Ready=True. */
    static PodBuilder running(String restartPolicy) {
        return pod(restartPolicy).editStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus();
    }

    @Test
    void alwaysRestartingPodsRunUntilDeleted() {
        Pod pod = running("Always").build();
        PodRecord record = new PodRecord(PodStage.RUNNING, T0);
        assertEquals(Step.NONE, plan.next(pod, record, T0.plusSeconds(3600)));
    }

    @Test
    void aRunningPodMarkedNotReadyBySomeoneElseIsReportedReadyAgain() {
        Pod notReady = pod("Always").editStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("False").withReason("NodeStatusUnknown").endCondition()
                .endStatus().build();
        assertEquals(new Step(Action.REPORT_READY, T0), plan.next(notReady, new PodRecord(PodStage.RUNNING, T0), T0));
    }

    @Test
    void runToCompletionPodsFinishAfterTheirAnnotatedRunTime() {
        PodRecord record = new PodRecord(PodStage.RUNNING, T0);
        assertEquals(new Step(Action.FINISH, T0.plusSeconds(1)), plan.next(running("Never").build(), record, T0));
        Pod annotated = running("OnFailure").editMetadata().addToAnnotations(SimulatedPods.RUN_SECONDS, "2.5")
                .endMetadata().build();
        assertEquals(new Step(Action.FINISH, T0.plusMillis(2500)), plan.next(annotated, record, T0));
        record.advance(PodStage.TERMINATED, T0.plusSeconds(3));
        assertEquals(Step.NONE, plan.next(annotated, record, T0.plusSeconds(3)));
    }

    @Test
    void theExitCodeComesFromTheAnnotation() {
        assertEquals(0, PodPlan.exitCode(pod("Never").build()));
        assertEquals(3, PodPlan.exitCode(pod("Never").editMetadata().addToAnnotations(SimulatedPods.EXIT_CODE, "3")
                .endMetadata().build()));
    }

    @Test
    void aDeletedRunningPodStopsWithinItsGracePeriodThenIsDeleted() {
        PodRecord record = new PodRecord(PodStage.RUNNING, T0);
        record.deletionSeen(T0.plusSeconds(10));
        Pod graceful = pod("Always").editMetadata().withDeletionTimestamp("2025-01-01T00:00:40Z")
                .withDeletionGracePeriodSeconds(30L).endMetadata().build();
        assertEquals(new Step(Action.STOP_AND_DELETE, T0.plusSeconds(10).plusMillis(500)),
                plan.next(graceful, record, T0.plusSeconds(10)));
        Pod immediate = pod("Always").editMetadata().withDeletionTimestamp("2025-01-01T00:00:10Z")
                .withDeletionGracePeriodSeconds(0L).endMetadata().build();
        assertEquals(new Step(Action.STOP_AND_DELETE, T0.plusSeconds(10)), plan.next(immediate, record, T0.plusSeconds(10)));
    }

    @Test
    void aDeletedPodWithNothingRunningIsDeletedAtOnce() {
        Pod pod = pod("Always").editMetadata().withDeletionTimestamp("2025-01-01T00:00:30Z")
                .withDeletionGracePeriodSeconds(30L).endMetadata().build();
        assertEquals(new Step(Action.DELETE, T0), plan.next(pod, new PodRecord(PodStage.CREATING, T0), T0));
        assertEquals(new Step(Action.DELETE, T0), plan.next(pod, new PodRecord(PodStage.TERMINATED, T0), T0));
    }

    @Test
    void aPodFoundRunningIsAdoptedWithItsAddressAndStartTime() {
        Pod running = running("Never").editStatus().withPodIP("10.244.1.7")
                .addNewContainerStatus().withName("c").withNewState().withNewRunning("2025-01-01T00:00:05Z")
                .endState().endContainerStatus().endStatus().build();
        PodRecord record = PodPlan.adopt(running, T0.plusSeconds(60));
        assertEquals(PodStage.RUNNING, record.stage());
        assertEquals("10.244.1.7", record.podIp());
        assertEquals(new Step(Action.FINISH, T0.plusSeconds(6)), plan.next(running, record, T0.plusSeconds(60)));
        Pod finished = pod("Never").editStatus().withPhase("Succeeded").endStatus().build();
        assertEquals(PodStage.TERMINATED, PodPlan.adopt(finished, T0).stage());
    }
}
