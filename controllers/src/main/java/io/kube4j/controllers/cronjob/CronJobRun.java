package io.kube4j.controllers.cronjob;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kube4j.controllers.Owners;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One scheduling decision for one CronJob at {@code now}: whether to start the Job of the latest missed activation. */
final class CronJobRun {
    private static final DateTimeFormatter RFC1123Z = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);
    private static final int ALREADY_EXISTS = 409;

    private final CronJobController controller;
    private final CronJob cronJob;
    private final ScheduleTimes times;
    private final ZoneId zone;
    private final Instant now;

    /** @param cronJob the working copy whose status this run updates */
    CronJobRun(CronJobController controller, CronJob cronJob, ScheduleTimes times, ZoneId zone, Instant now) {
        this.controller = controller;
        this.cronJob = cronJob;
        this.times = times;
        this.zone = zone;
        this.now = now;
    }

    /** Returns how long until the next activation, or null if the schedule cannot be used. */
    Duration start() {
        ScheduleTimes.Missed missed;
        try {
            missed = times.mostRecent(earliest(), now, cronJob.getSpec().getStartingDeadlineSeconds());
        } catch (IllegalArgumentException e) {
            controller.events().warning(cronJob, "InvalidSchedule", "invalid schedule: " + cronJob.getSpec().getSchedule()
                    + " : " + e.getMessage());
            return null;
        }
        if (missed.count() > ScheduleTimes.TOO_MANY_MISSED) {
            controller.events().warning(cronJob, "TooManyMissedTimes",
                    "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew");
        }
        Instant scheduled = missed.mostRecent();
        if (scheduled == null) {
            return untilNext();
        }
        Long deadline = cronJob.getSpec().getStartingDeadlineSeconds();
        if (deadline != null && scheduled.plusSeconds(deadline).isBefore(now)) {
            controller.events().warning(cronJob, "MissSchedule", "Missed scheduled time to start a job: " + RFC1123Z.format(scheduled));
            return untilNext();
        }
        String jobName = CronJobJobs.jobName(cronJob, scheduled);
        List<ObjectReference> active = new ArrayList<>(cronJob.getStatus().getActive() == null ? List.of() : cronJob.getStatus().getActive());
        if (active.stream().anyMatch(ref -> jobName.equals(ref.getName())) || scheduled.equals(lastScheduleTime())) {
            return untilNext();
        }
        String policy = cronJob.getSpec().getConcurrencyPolicy();
        if ("Forbid".equals(policy) && !active.isEmpty()) {
            controller.events().normal(cronJob, "JobAlreadyActive",
                    "Not starting job because prior execution is running and concurrency policy is Forbid");
            return untilNext();
        }
        if ("Replace".equals(policy)) {
            for (ObjectReference ref : active) {
                CronJobController.deleteJob(controller.client(), controller.events(), cronJob, ref.getName());
            }
            active.clear();
        }
        Job job = createJob(controller.jobFactory().newJob(cronJob, scheduled, zone));
        if (job == null || active.stream().anyMatch(ref -> job.getMetadata().getUid().equals(ref.getUid()))) {
            cronJob.getStatus().setActive(active);
            return null;
        }
        active.add(CronJobController.referenceTo(job));
        cronJob.getStatus().setActive(active);
        cronJob.getStatus().setLastScheduleTime(scheduled.truncatedTo(ChronoUnit.SECONDS).toString());
        return untilNext();
    }

    /** Creates the Job; an existing one of the same name is used if this CronJob controls it, else null. */
    private Job createJob(Job job) {
        var jobsApi = controller.client().batch().v1().jobs().inNamespace(cronJob.getMetadata().getNamespace());
        try {
            Job created = jobsApi.resource(job).create();
            controller.events().normal(cronJob, "SuccessfulCreate", "Created job " + created.getMetadata().getName());
            return created;
        } catch (KubernetesClientException e) {
            if (e.getCode() != ALREADY_EXISTS) {
                controller.events().warning(cronJob, "FailedCreate", "Error creating job: " + e.getMessage());
                throw e;
            }
            Job existing = jobsApi.withName(job.getMetadata().getName()).get();
            return existing != null && cronJob.getMetadata().getUid().equals(Owners.controllerUid(existing)) ? existing : null;
        }
    }

    private Duration untilNext() {
        return times.untilNext(earliest(), now);
    }

    /** The last schedule time, or the creation time if the CronJob never ran. */
    private Instant earliest() {
        Instant last = lastScheduleTime();
        return last != null ? last : Instant.parse(cronJob.getMetadata().getCreationTimestamp());
    }

    private Instant lastScheduleTime() {
        String last = cronJob.getStatus().getLastScheduleTime();
        return last == null ? null : Instant.parse(last);
    }
}
