package io.kube4j.controllers.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kube4j.controllers.testing.FakeWriter;
import io.kube4j.controllers.testing.Fixtures;
import io.kube4j.controllers.testing.TestInformers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Syncs of Job "batch" (completions 3, parallelism 2) on seeded caches where one watch is behind
 * the other: the controller's pod writes show in the pod cache at once, the Job cache only gets
 * what a test puts there.
 */
class JobControllerTest {
    private static final Instant NOW = Instant.parse("2030-01-01T01:00:00Z");
    private static final String KEY = "default/batch";
    private static final KubernetesSerialization COPIER = new KubernetesSerialization();

    private final TestInformers informers = new TestInformers();
    private final FakeWriter writer = new FakeWriter().mirror(Pod.class, informers.of(Pod.class));
    private final List<String> events = new ArrayList<>();
    private final JobController controller = new JobController(informers.of(Job.class), informers.of(Pod.class), writer,
            (about, type, reason, message) -> events.add(reason), Clock.fixed(NOW, ZoneOffset.UTC), TestInformers.queue());

    @AfterEach
    void close() {
        informers.close();
    }

    /** The Job after its first pod succeeded and was counted: one success, pods b and c running. */
    private static Job batchJob() {
        return new JobBuilder()
                .withNewMetadata().withName("batch").withNamespace(Fixtures.NS).withUid(Fixtures.uid("batch"))
                .withResourceVersion("10").withGeneration(1L).endMetadata()
                .withNewSpec().withCompletions(3).withParallelism(2).withBackoffLimit(6)
                .withTemplate(Fixtures.template("busybox")).endSpec()
                .withNewStatus().withSucceeded(1).withActive(2).withReady(0).withTerminating(0)
                .withStartTime("2030-01-01T00:00:00Z").endStatus()
                .build();
    }

    private static Pod jobPod(String name, Job job, String phase, boolean held) {
        Pod pod = Fixtures.pod(name, Map.of(), job);
        pod.getSpec().setNodeName("node-a");
        pod.getStatus().setPhase(phase);
        pod.getMetadata().setFinalizers(held ? new ArrayList<>(List.of(JobPods.TRACKING_FINALIZER)) : new ArrayList<>());
        return pod;
    }

    /** Seeds the Job with pod a (counted), b (just succeeded) and c (running); returns b as cached. */
    private Pod seedJobWhosePodBJustSucceeded() {
        Job job = informers.seed(batchJob());
        informers.seed(jobPod("batch-a", job, "Succeeded", false));
        informers.seed(jobPod("batch-c", job, "Running", true));
        return informers.seed(jobPod("batch-b", job, "Succeeded", true));
    }

    private Pod cachedPod(String name) {
        return informers.of(Pod.class).getIndexer().getByKey(Fixtures.NS + "/" + name);
    }

    private JobStatus lastWrittenStatus() {
        return writer.written(Job.class).getLast().getStatus();
    }

    /** Pod writes reach the controller's pod handler as they are made, as a watch that keeps up would deliver them. */
    private void podWatchKeepsUp() {
        writer.deliverTo(Pod.class, controller.podEvents());
    }

    @Test
    void aFinalizerRemovalSeenWhileTheSyncRunsStillCountsThePod() {
        podWatchKeepsUp();
        seedJobWhosePodBJustSucceeded();

        controller.sync(KEY);

        List<JobStatus> written = writer.written(Job.class).stream().map(Job::getStatus).toList();
        assertEquals(List.of(cachedPod("batch-b").getMetadata().getUid()),
                written.getFirst().getUncountedTerminatedPods().getSucceeded(), "b is recorded before its finalizer goes");
        assertEquals(List.of("finalizer- Pod batch-b " + JobPods.TRACKING_FINALIZER), writer.actions("finalizer-"));
        assertEquals(2, written.getLast().getSucceeded());
        assertNull(written.getLast().getUncountedTerminatedPods());
        assertEquals(1, written.getLast().getActive());
        assertEquals(List.of(), writer.actions("create"), "c runs for the last completion");
    }

    @Test
    void aJobCacheBehindTheControllersOwnStatusWriteCreatesNoExtraPod() {
        podWatchKeepsUp();
        seedJobWhosePodBJustSucceeded();
        controller.sync(KEY);
        int statusWrites = writer.actions("status").size();

        // b shows without its finalizer, but the Job cache still has the status from before b was counted
        controller.sync(KEY);

        assertEquals(List.of(), writer.actions("create"), "b is counted in a status the cache has not shown yet");
        assertEquals(statusWrites, writer.actions("status").size(), "nothing is written from the outdated Job");
    }

    @Test
    void onceTheJobCacheCatchesUpTheJobCompletesWithTheThreePodsItHad() {
        podWatchKeepsUp();
        seedJobWhosePodBJustSucceeded();
        controller.sync(KEY);
        controller.sync(KEY);

        informers.seed(writer.written(Job.class).getLast());
        Pod c = cachedPod("batch-c");
        Pod finished = COPIER.clone(c);
        finished.getStatus().setPhase("Succeeded");
        informers.seed(finished);
        controller.podEvents().onUpdate(c, finished);
        controller.sync(KEY);

        JobStatus status = lastWrittenStatus();
        assertEquals(3, status.getSucceeded());
        assertEquals(0, status.getActive());
        assertTrue(JobConditions.isTrue(status, JobConditions.COMPLETE), status::toString);
        assertEquals(List.of(), writer.actions("create"));
        assertEquals(List.of(), writer.actions("delete"));
        assertEquals(List.of("Completed"), events);
    }

    @Test
    void aPodCacheBehindTheFinalizerRemovalCountsThePodOnce() {
        Pod b = seedJobWhosePodBJustSucceeded();
        controller.sync(KEY);
        int statusWrites = writer.actions("status").size();

        // the Job cache has the new status, the pod cache still shows b holding its finalizer
        informers.seed(writer.written(Job.class).getLast());
        informers.seed(b);
        controller.sync(KEY);

        assertEquals(2, lastWrittenStatus().getSucceeded());
        assertEquals(statusWrites, writer.actions("status").size(), "nothing new to count or report");
        assertEquals(1, writer.actions("finalizer-").size());
        assertEquals(List.of(), writer.actions("create"));
    }
}
