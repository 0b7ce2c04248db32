package io.kube4j.controllers.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kube4j.controllers.PodStates;
import io.kube4j.controllers.testing.LiveCluster;
import io.kube4j.controllers.testing.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jobs against a real API server, with the test finishing pods as a kubelet would. */
class JobEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static LiveCluster cluster;
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        cluster = LiveCluster.start();
        client = cluster.client();
        cluster.run(new JobController(cluster.context()));
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    private static Job job(String name, int completions, int parallelism, String mode) {
        return new JobBuilder()
                .withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .withNewSpec().withCompletions(completions).withParallelism(parallelism).withCompletionMode(mode)
                .withNewTemplate().withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName("main").withImage("busybox").endContainer().endSpec().endTemplate()
                .endSpec().build();
    }

    private static List<Pod> pods(String job) {
        return client.pods().inNamespace("default").withLabel("batch.kubernetes.io/job-name", job).list().getItems();
    }

    private static List<Pod> active(String job) {
        return pods(job).stream().filter(PodStates::isActive).toList();
    }

    private static Job get(String name) {
        return client.batch().v1().jobs().inNamespace("default").withName(name).get();
    }

    /** The Job's status, empty until the controller first writes one (a write it may have to retry). */
    private static JobStatus status(String name) {
        JobStatus status = get(name).getStatus();
        return status == null ? new JobStatus() : status;
    }

    @Test
    void completionsThreeParallelismTwoCompletesWithNeverMoreThanTwoActive() throws Exception {
        client.batch().v1().jobs().inNamespace("default").resource(job("pi", 3, 2, "NonIndexed")).create();
        int finished = 0;
        while (finished < 3) {
            Poll.until(WAIT, "an active pod", () -> !active("pi").isEmpty());
            Thread.sleep(200);
            List<Pod> running = active("pi");
            assertTrue(running.size() <= 2, "at most parallelism pods run: " + running.size());
            assertTrue(running.size() <= 3 - finished, "never more pods than completions left");
            Pod pod = running.getFirst();
            assertTrue(JobPods.hasTrackingFinalizer(pod));
            assertTrue(pod.getMetadata().getName().startsWith("pi-"));
            cluster.markPhase("default", pod.getMetadata().getName(), "Succeeded");
            finished++;
            int expected = finished;
            Poll.until(WAIT, "succeeded=" + expected, () -> {
                Job j = get("pi");
                return j.getStatus() != null && Integer.valueOf(expected).equals(j.getStatus().getSucceeded());
            });
        }
        Poll.until(WAIT, "Complete", () -> JobConditions.isTrue(get("pi").getStatus(), JobConditions.COMPLETE));
        Job done = get("pi");
        assertEquals(3, done.getStatus().getSucceeded());
        assertEquals(0, done.getStatus().getActive());
        assertNotNull(done.getStatus().getStartTime());
        assertNotNull(done.getStatus().getCompletionTime());
        List<String> conditions = done.getStatus().getConditions().stream().map(JobCondition::getType).toList();
        assertEquals(List.of("SuccessCriteriaMet", "Complete"), conditions);
        JobCondition complete = JobConditions.find(done.getStatus(), JobConditions.COMPLETE).orElseThrow();
        assertEquals("CompletionsReached", complete.getReason());
        assertEquals(3, pods("pi").size());
        Poll.until(WAIT, "finalizers released", () -> pods("pi").stream().noneMatch(JobPods::hasTrackingFinalizer));
    }

    @Test
    void backoffLimitFailsTheJobAfterTooManyFailedPods() throws Exception {
        Job job = job("flaky", 1, 1, "NonIndexed");
        job.getSpec().setBackoffLimit(0);
        client.batch().v1().jobs().inNamespace("default").resource(job).create();
        Poll.until(WAIT, "a pod", () -> !active("flaky").isEmpty());
        cluster.markPhase("default", active("flaky").getFirst().getMetadata().getName(), "Failed");
        Poll.until(WAIT, "Failed", () -> JobConditions.isTrue(get("flaky").getStatus(), JobConditions.FAILED));
        Job failed = get("flaky");
        assertEquals(1, failed.getStatus().getFailed());
        assertEquals("BackoffLimitExceeded", JobConditions.find(failed.getStatus(), JobConditions.FAILED).orElseThrow().getReason());
        assertTrue(JobConditions.isTrue(failed.getStatus(), JobConditions.FAILURE_TARGET));
        assertEquals("Job has reached the specified backoff limit",
                JobConditions.find(failed.getStatus(), JobConditions.FAILED).orElseThrow().getMessage());
        assertEquals(1, pods("flaky").size(), "no retry beyond the backoff limit");
    }

    @Test
    void indexedJobGivesEachPodItsCompletionIndex() throws Exception {
        client.batch().v1().jobs().inNamespace("default").resource(job("idx", 3, 3, "Indexed")).create();
        Poll.until(WAIT, "three pods", () -> active("idx").size() == 3);
        Set<String> indexes = active("idx").stream()
                .map(p -> p.getMetadata().getAnnotations().get(JobPods.COMPLETION_INDEX)).collect(Collectors.toSet());
        assertEquals(Set.of("0", "1", "2"), indexes);
        Pod one = active("idx").stream().filter(p -> JobPods.indexOf(p) == 1).findFirst().orElseThrow();
        assertEquals("idx-1", one.getSpec().getHostname());
        assertEquals("1", one.getMetadata().getLabels().get(JobPods.COMPLETION_INDEX));
        assertTrue(one.getMetadata().getName().startsWith("idx-1-"));
        assertTrue(one.getSpec().getContainers().getFirst().getEnv().stream().anyMatch(e -> e.getName().equals("JOB_COMPLETION_INDEX")));

        cluster.markPhase("default", one.getMetadata().getName(), "Failed");
        Poll.until(WAIT, "index 1 failed", () -> Integer.valueOf(1).equals(status("idx").getFailed()));
        for (Pod pod : active("idx")) {
            cluster.markPhase("default", pod.getMetadata().getName(), "Succeeded");
        }
        Poll.until(WAIT, "indexes 0 and 2 done", () -> "0,2".equals(status("idx").getCompletedIndexes()));
        assertFalse(JobConditions.isTrue(get("idx").getStatus(), JobConditions.COMPLETE));
        // The successes after the failure reset the back-off, so index 1 is retried at once.
        Poll.until(WAIT, "index 1 retried", () -> active("idx").size() == 1 && JobPods.indexOf(active("idx").getFirst()) == 1);
        cluster.markPhase("default", active("idx").getFirst().getMetadata().getName(), "Succeeded");
        Poll.until(WAIT, "Complete", () -> JobConditions.isTrue(get("idx").getStatus(), JobConditions.COMPLETE));
        assertEquals("0-2", get("idx").getStatus().getCompletedIndexes());
        assertEquals(3, get("idx").getStatus().getSucceeded());
        assertEquals(1, get("idx").getStatus().getFailed());
    }

    @Test
    void suspendingDeletesActivePodsAndResumingRecreatesThem() throws Exception {
        client.batch().v1().jobs().inNamespace("default").resource(job("pause", 2, 2, "NonIndexed")).create();
        Poll.until(WAIT, "two pods", () -> active("pause").size() == 2);
        client.batch().v1().jobs().inNamespace("default").withName("pause").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"suspend\":true}}");
        Poll.until(WAIT, "suspended", () -> JobConditions.isTrue(get("pause").getStatus(), JobConditions.SUSPENDED));
        Poll.until(WAIT, "pods gone", () -> active("pause").isEmpty());
        assertEquals(0, get("pause").getStatus().getFailed() == null ? 0 : get("pause").getStatus().getFailed(),
                "pods removed for suspension are not failures");
        client.batch().v1().jobs().inNamespace("default").withName("pause").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"suspend\":false}}");
        Poll.until(WAIT, "resumed", () -> active("pause").size() == 2);
        Poll.until(WAIT, "Suspended=False", () -> !JobConditions.isTrue(get("pause").getStatus(), JobConditions.SUSPENDED));
        JobCondition suspended = JobConditions.find(get("pause").getStatus(), JobConditions.SUSPENDED).orElseThrow();
        assertEquals("False", suspended.getStatus());
        assertEquals("JobResumed", suspended.getReason());
    }
}
