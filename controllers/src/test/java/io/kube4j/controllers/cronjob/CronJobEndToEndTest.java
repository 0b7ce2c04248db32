package io.kube4j.controllers.cronjob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kube4j.controllers.testing.LiveCluster;
import io.kube4j.controllers.testing.MutableClock;
import io.kube4j.controllers.testing.Poll;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CronJobs against a real API server on the test's clock; the test finishes Jobs itself. */
class CronJobEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static LiveCluster cluster;
    private static final MutableClock clock = new MutableClock(Instant.now());
    private static KubernetesClient client;

    @BeforeAll
    static void start() throws Exception {
        cluster = LiveCluster.start(clock);
        client = cluster.client();
        cluster.run(new CronJobController(cluster.context()));
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    private static CronJob get(String name) {
        return client.batch().v1().cronjobs().inNamespace("default").withName(name).get();
    }

    /** Moves the clock and touches the CronJob so the controller looks at it now. */
    private static void advanceTo(Instant when, String name) {
        clock.set(when);
        client.batch().v1().cronjobs().inNamespace("default").withName(name).patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"metadata\":{\"labels\":{\"tick\":\"" + when.getEpochSecond() + "\"}}}");
    }

    private static List<Job> jobs(String cronJob) {
        return client.batch().v1().jobs().inNamespace("default").list().getItems().stream()
                .filter(j -> j.getMetadata().getName().startsWith(cronJob + "-")).toList();
    }

    private static void complete(Job job) {
        Job latest = client.batch().v1().jobs().inNamespace("default").withName(job.getMetadata().getName()).get();
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        JobStatus status = new JobStatus();
        status.setStartTime(now);
        status.setCompletionTime(now);
        status.setSucceeded(1);
        status.setConditions(List.of(new JobCondition(now, now, "", "CompletionsReached", "True", "SuccessCriteriaMet"),
                new JobCondition(now, now, "", "CompletionsReached", "True", "Complete")));
        latest.setStatus(status);
        client.batch().v1().jobs().inNamespace("default").resource(latest).updateStatus();
    }

    @Test
    void startsTheJobOfTheLatestMissedActivationAndHonoursForbidAndHistory() throws Exception {
        client.batch().v1().cronjobs().inNamespace("default").resource(new CronJobBuilder()
                .withNewMetadata().withName("tick").withNamespace("default").addToLabels("app", "tick").endMetadata()
                .withNewSpec().withSchedule("*/1 * * * *").withTimeZone("Europe/Paris").withConcurrencyPolicy("Forbid")
                .withSuccessfulJobsHistoryLimit(1)
                .withNewJobTemplate().withNewSpec().withNewTemplate().withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName("main").withImage("busybox").endContainer().endSpec().endTemplate().endSpec()
                .endJobTemplate().endSpec().build()).create();
        Instant created = Instant.parse(get("tick").getMetadata().getCreationTimestamp());
        Thread.sleep(300);
        assertTrue(jobs("tick").isEmpty(), "no activation between creation and now");

        Instant first = created.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2));
        advanceTo(first.plusSeconds(5), "tick");
        String firstName = "tick-" + first.getEpochSecond() / 60;
        Poll.until(WAIT, firstName, () -> jobs("tick").stream().anyMatch(j -> j.getMetadata().getName().equals(firstName)));
        assertEquals(1, jobs("tick").size(), "only the most recent missed activation starts a Job");
        Job job = jobs("tick").getFirst();
        String scheduled = job.getMetadata().getAnnotations().get(CronJobJobs.SCHEDULED_TIMESTAMP);
        assertEquals(first, Instant.from(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(scheduled)));
        assertTrue(scheduled.endsWith("+01:00") || scheduled.endsWith("+02:00"), "written in the CronJob's zone: " + scheduled);
        Poll.until(WAIT, "status", () -> get("tick").getStatus() != null && !get("tick").getStatus().getActive().isEmpty());
        assertEquals(first.toString(), get("tick").getStatus().getLastScheduleTime());
        assertEquals(firstName, get("tick").getStatus().getActive().getFirst().getName());

        advanceTo(first.plus(Duration.ofMinutes(1)).plusSeconds(5), "tick");
        Thread.sleep(500);
        assertEquals(1, jobs("tick").size(), "Forbid: no second Job while the first runs");

        complete(job);
        Instant second = first.plus(Duration.ofMinutes(1));
        String secondName = "tick-" + second.getEpochSecond() / 60;
        Poll.until(WAIT, "the missed activation starts once the first Job is done",
                () -> jobs("tick").stream().anyMatch(j -> j.getMetadata().getName().equals(secondName)));
        Poll.until(WAIT, "last successful time", () -> get("tick").getStatus().getLastSuccessfulTime() != null);
        assertEquals(secondName, get("tick").getStatus().getActive().getFirst().getName());
        assertEquals(second.toString(), get("tick").getStatus().getLastScheduleTime());

        complete(jobs("tick").stream().filter(j -> j.getMetadata().getName().equals(secondName)).findFirst().orElseThrow());
        Poll.until(WAIT, "history limit 1 deletes the older Job",
                () -> jobs("tick").stream().noneMatch(j -> j.getMetadata().getName().equals(firstName)));
        Poll.until(WAIT, "active emptied", () -> get("tick").getStatus().getActive().isEmpty());
    }

    @Test
    void suspendedCronJobsStartNothing() throws Exception {
        client.batch().v1().cronjobs().inNamespace("default").resource(new CronJobBuilder()
                .withNewMetadata().withName("idle").withNamespace("default").addToLabels("app", "idle").endMetadata()
                .withNewSpec().withSchedule("@hourly").withSuspend(true)
                .withNewJobTemplate().withNewSpec().withNewTemplate().withNewSpec().withRestartPolicy("Never")
                .addNewContainer().withName("main").withImage("busybox").endContainer().endSpec().endTemplate().endSpec()
                .endJobTemplate().endSpec().build()).create();
        Instant created = Instant.parse(get("idle").getMetadata().getCreationTimestamp());
        advanceTo(created.plus(Duration.ofHours(3)), "idle");
        Thread.sleep(500);
        assertTrue(jobs("idle").isEmpty());
        assertNull(get("idle").getStatus() == null ? null : get("idle").getStatus().getLastScheduleTime());
    }
}
