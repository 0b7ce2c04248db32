package io.kube4j.controllers.cronjob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CronJobJobsTest {
    private static CronJob cronJob(String timeZone) {
        return new CronJobBuilder().withNewMetadata().withName("report").withNamespace("ns").withUid("cj-uid").endMetadata()
                .withNewSpec().withSchedule("0 * * * *").withTimeZone(timeZone)
                .withNewJobTemplate().withNewMetadata().addToLabels("team", "a").endMetadata()
                .withNewSpec().withBackoffLimit(2).endSpec().endJobTemplate().endSpec().build();
    }

    @Test
    void jobsAreNamedByTheMinuteOfTheirActivationAndAnnotatedInTheCronJobsZone() {
        Instant scheduled = Instant.parse("2024-07-01T10:00:00Z");
        Job job = new CronJobJobs(new KubernetesSerialization()).newJob(cronJob("Europe/Paris"), scheduled, ZoneId.of("Europe/Paris"));
        assertEquals("report-28663800", job.getMetadata().getName());
        assertEquals("2024-07-01T12:00:00+02:00", job.getMetadata().getAnnotations().get(CronJobJobs.SCHEDULED_TIMESTAMP));
        assertEquals("a", job.getMetadata().getLabels().get("team"));
        assertEquals(2, job.getSpec().getBackoffLimit());
        assertEquals("cj-uid", job.getMetadata().getOwnerReferences().getFirst().getUid());
        assertTrue(job.getMetadata().getOwnerReferences().getFirst().getController());
    }

    @Test
    void withoutATimeZoneTheAnnotationIsInUtc() {
        Job job = new CronJobJobs(new KubernetesSerialization())
                .newJob(cronJob(null), Instant.parse("2024-07-01T10:00:00Z"), ZoneId.of("UTC"));
        assertEquals("2024-07-01T10:00:00Z", job.getMetadata().getAnnotations().get(CronJobJobs.SCHEDULED_TIMESTAMP));
    }
}
