package io.kube4j.controllers.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobPlannerTest {
    static Job job(Integer completions, int parallelism) {
        return new JobBuilder().withNewMetadata().withName("j").withNamespace("ns").endMetadata()
                .withNewSpec().withCompletions(completions).withParallelism(parallelism).endSpec().build();
    }

    static Pod pod(String name, String phase, boolean ready, String node, String created) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace("ns").withUid(name + "-uid")
                .withCreationTimestamp(created).endMetadata()
                .withNewSpec().withNodeName(node).endSpec()
                .withNewStatus().withPhase(phase)
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .endStatus().build();
    }

    static Pod deleting(Pod pod) {
        pod.getMetadata().setDeletionTimestamp("2024-01-01T00:00:00Z");
        return pod;
    }

    @Test
    void wantActiveNeverExceedsParallelismOrTheCompletionsLeft() {
        assertEquals(2, JobPlanner.wantActive(job(3, 2), 0, 0));
        assertEquals(2, JobPlanner.wantActive(job(3, 2), 1, 2));
        assertEquals(1, JobPlanner.wantActive(job(3, 2), 2, 1));
        assertEquals(0, JobPlanner.wantActive(job(3, 2), 3, 0));
        assertEquals(0, JobPlanner.wantActive(job(3, 2), 5, 0), "never negative");
    }

    @Test
    void aWorkQueueJobStopsStartingPodsAfterItsFirstSuccess() {
        assertEquals(4, JobPlanner.wantActive(job(null, 4), 0, 0));
        assertEquals(3, JobPlanner.wantActive(job(null, 4), 1, 3), "what runs may finish");
        assertTrue(JobPlanner.successCriteriaMet(job(null, 4), 1, 0));
        assertFalse(JobPlanner.successCriteriaMet(job(null, 4), 1, 2));
    }

    @Test
    void aSuspendedJobWantsNoPods() {
        Job job = job(3, 2);
        job.getSpec().setSuspend(true);
        assertEquals(0, JobPlanner.wantActive(job, 0, 2));
    }

    @Test
    void successNeedsAllCompletionsAndNothingRunning() {
        assertFalse(JobPlanner.successCriteriaMet(job(3, 2), 2, 0));
        assertFalse(JobPlanner.successCriteriaMet(job(3, 2), 3, 1));
        assertTrue(JobPlanner.successCriteriaMet(job(3, 2), 3, 0));
    }

    @Test
    void podOutcomes() {
        Job job = job(3, 2);
        assertEquals(JobPlanner.Outcome.SUCCEEDED, JobPlanner.classify(job, pod("a", "Succeeded", false, "n", null), false).outcome());
        assertEquals(JobPlanner.Outcome.FAILED, JobPlanner.classify(job, pod("a", "Failed", false, "n", null), false).outcome());
        assertEquals(JobPlanner.Outcome.ACTIVE, JobPlanner.classify(job, pod("a", "Running", true, "n", null), false).outcome());
        assertEquals(JobPlanner.Outcome.FAILED, JobPlanner.classify(job, deleting(pod("a", "Running", true, "n", null)), false).outcome(),
                "by default a pod being deleted counts as failed");
        job.getSpec().setPodReplacementPolicy("Failed");
        assertEquals(JobPlanner.Outcome.TERMINATING,
                JobPlanner.classify(job, deleting(pod("a", "Running", true, "n", null)), false).outcome(),
                "with podReplacementPolicy Failed it is not failed until its phase says so");
        assertEquals(JobPlanner.Outcome.FAILED,
                JobPlanner.classify(job, deleting(pod("a", "Running", true, "n", null)), true).outcome(),
                "unless the Job is failing anyway");
    }

    @Test
    void removesUnscheduledThenPendingThenNotReadyPodsFirstNewestFirst() {
        Pod readyOld = pod("ready-old", "Running", true, "n", "2024-01-01T00:00:00Z");
        Pod readyNew = pod("ready-new", "Running", true, "n", "2024-01-01T00:05:00Z");
        Pod notReady = pod("not-ready", "Running", false, "n", "2024-01-01T00:00:00Z");
        Pod pending = pod("pending", "Pending", false, "n", "2024-01-01T00:00:00Z");
        Pod unscheduled = pod("unscheduled", "Pending", false, null, "2024-01-01T00:00:00Z");
        List<Pod> all = List.of(readyOld, readyNew, notReady, pending, unscheduled);
        assertEquals(List.of("unscheduled", "pending", "not-ready", "ready-new"),
                JobPlanner.podsToRemove(all, 4).stream().map(p -> p.getMetadata().getName()).toList());
    }

    @Test
    void indexedJobsFillTheLowestFreeIndexes() {
        Job job = job(5, 3);
        assertEquals(List.of(0, 2, 4), JobPlanner.indexesToCreate(job, Set.of(1), Set.of(3), 3));
        assertEquals(List.of(0), JobPlanner.indexesToCreate(job, Set.of(1), Set.of(3), 1));
    }

    @Test
    void indexedJobsRemoveDuplicateCompletedAndOutOfRangePods() {
        Job job = job(3, 3);
        Pod first = indexed(pod("a", "Running", true, "n", "2024-01-01T00:00:00Z"), "0");
        Pod duplicate = indexed(pod("b", "Pending", false, "n", "2024-01-01T00:01:00Z"), "0");
        Pod done = indexed(pod("c", "Running", true, "n", "2024-01-01T00:00:00Z"), "1");
        Pod outOfRange = indexed(pod("d", "Running", true, "n", "2024-01-01T00:00:00Z"), "7");
        Pod fine = indexed(pod("e", "Running", true, "n", "2024-01-01T00:00:00Z"), "2");
        List<String> surplus = JobPlanner.surplusIndexedPods(job, List.of(first, duplicate, done, outOfRange, fine), Set.of(1))
                .stream().map(p -> p.getMetadata().getName()).sorted().toList();
        assertEquals(List.of("b", "c", "d"), surplus, "the ready pod of index 0 is kept");
    }

    static Pod indexed(Pod pod, String index) {
        pod.getMetadata().setAnnotations(Map.of(JobPods.COMPLETION_INDEX, index));
        return pod;
    }
}
