package io.kube4j.controllers.cronjob;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kube4j.controllers.Owners;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Job a CronJob starts for one activation: its template, a name fixed by the activation time
 * (so one activation never starts two Jobs) and the scheduled time as an annotation.
 */
final class CronJobJobs {
    static final String SCHEDULED_TIMESTAMP = "batch.kubernetes.io/cronjob-scheduled-timestamp";

    private final KubernetesSerialization serialization;

    CronJobJobs(KubernetesSerialization serialization) {
        this.serialization = serialization;
    }

    /** {@code <cronjob>-<minutes since the epoch of the activation>}. */
    static String jobName(CronJob cronJob, Instant scheduled) {
        return cronJob.getMetadata().getName() + "-" + scheduled.getEpochSecond() / 60;
    }

    /** @param zone the CronJob's time zone (UTC without one), in which the annotation is written */
    Job newJob(CronJob cronJob, Instant scheduled, ZoneId zone) {
        ObjectMeta template = cronJob.getSpec().getJobTemplate().getMetadata();
        Map<String, String> labels = new HashMap<>(template == null || template.getLabels() == null ? Map.of() : template.getLabels());
        Map<String, String> annotations = new HashMap<>(template == null || template.getAnnotations() == null
                ? Map.of() : template.getAnnotations());
        ZoneId annotationZone = cronJob.getSpec().getTimeZone() == null ? ZoneId.of("UTC") : zone;
        annotations.put(SCHEDULED_TIMESTAMP, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(scheduled.atZone(annotationZone)));
        Job job = new Job();
        job.setMetadata(new ObjectMeta());
        job.getMetadata().setName(jobName(cronJob, scheduled));
        job.getMetadata().setNamespace(cronJob.getMetadata().getNamespace());
        job.getMetadata().setLabels(labels);
        job.getMetadata().setAnnotations(annotations);
        job.getMetadata().setOwnerReferences(List.of(Owners.controllerRef(cronJob)));
        job.setSpec(serialization.clone(cronJob.getSpec().getJobTemplate().getSpec()));
        return job;
    }
}
