package io.kube4j.controllers.cronjob;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import io.kube4j.controllers.EventSink;
import io.kube4j.controllers.Informers;
import io.kube4j.controllers.Owners;
import io.kube4j.controllers.job.JobConditions;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Starts a CronJob's Jobs on schedule (upstream's cronjob controller v2): keeps {@code status.active}
 * in line with the Jobs it owns, creates the Job of the most recent missed activation (named
 * {@code <cronjob>-<minutes since epoch>}) within the starting deadline and concurrency policy,
 * deletes finished Jobs beyond the history limits, and requeues itself for the next activation.
 */
public final class CronJobController extends Controller {
    private final KubernetesClient client;
    private final EventSink events;
    private final Clock clock;
    private final SharedIndexInformer<CronJob> cronJobs;
    private final SharedIndexInformer<Job> jobs;
    private final KubernetesSerialization serialization;
    private final CronJobJobs jobFactory;

    public CronJobController(ControllerContext context) {
        super("cronjob-controller", 1);
        this.client = context.client();
        this.events = context.events();
        this.clock = context.clock();
        this.serialization = client.getKubernetesSerialization();
        this.jobFactory = new CronJobJobs(serialization);
        this.cronJobs = context.informer(CronJob.class);
        this.jobs = context.informer(Job.class);
        cronJobs.addEventHandler(enqueueing(cj -> List.of(keyOf(cj))));
        jobs.addEventHandler(enqueueing(CronJobController::ownerKeys));
    }

    private static List<String> ownerKeys(HasMetadata obj) {
        return Owners.controllerKeys(obj, "CronJob");
    }

    @Override
    protected void sync(String key) {
        CronJob cached = cronJobs.getIndexer().getByKey(key);
        if (cached == null) {
            return;
        }
        List<Job> owned = Informers.controlledBy(jobs, cached.getMetadata().getNamespace(), cached.getMetadata().getUid());
        CronJob cronJob = cached;
        if (owned.stream().anyMatch(job -> !JobConditions.isFinished(job) && !listed(cached, job))) {
            // The Job may have been created by a sync whose status write this cache has not seen yet.
            CronJob latest = client.batch().v1().cronjobs().inNamespace(cached.getMetadata().getNamespace())
                    .withName(cached.getMetadata().getName()).get();
            cronJob = latest != null ? latest : cached;
        }
        CronJob working = serialization.clone(cronJob);
        if (working.getStatus() == null) {
            working.setStatus(new CronJobStatus());
        }
        reconcileActive(working, owned);
        Duration requeue = schedule(working);
        new JobHistory(client, events).cleanUp(working, owned);
        if (working.getStatus().getActive() == null) {
            // Decoded statuses always carry a list; compare like with like.
            working.getStatus().setActive(new ArrayList<>());
        }
        if (!Objects.equals(working.getStatus(), cronJob.getStatus())) {
            client.batch().v1().cronjobs().inNamespace(cronJob.getMetadata().getNamespace()).resource(working).updateStatus();
        }
        if (requeue != null) {
            queue.addAfter(key, requeue);
        }
    }

    private static boolean listed(CronJob cronJob, Job job) {
        return cronJob.getStatus() != null && cronJob.getStatus().getActive() != null
                && cronJob.getStatus().getActive().stream().anyMatch(ref -> job.getMetadata().getUid().equals(ref.getUid()));
    }

    /** Drops finished and vanished Jobs from {@code status.active}; notes the latest successful completion. */
    private void reconcileActive(CronJob cronJob, List<Job> owned) {
        CronJobStatus status = cronJob.getStatus();
        List<ObjectReference> active = new ArrayList<>(status.getActive() == null ? List.of() : status.getActive());
        for (Job job : owned) {
            boolean listed = listed(cronJob, job);
            boolean finished = JobConditions.isFinished(job);
            if (!listed && !finished) {
                events.warning(cronJob, "UnexpectedJob", "Saw a job that the controller did not create or forgot: "
                        + job.getMetadata().getName());
            } else if (listed && finished) {
                active.removeIf(ref -> job.getMetadata().getUid().equals(ref.getUid()));
                String condition = JobConditions.isTrue(job.getStatus(), JobConditions.COMPLETE)
                        ? JobConditions.COMPLETE : JobConditions.FAILED;
                events.normal(cronJob, "SawCompletedJob", "Saw completed job: " + job.getMetadata().getName()
                        + ", condition: " + condition);
            } else if (JobConditions.isTrue(job.getStatus(), JobConditions.COMPLETE) && job.getStatus().getCompletionTime() != null) {
                Instant completed = Instant.parse(job.getStatus().getCompletionTime());
                if (status.getLastSuccessfulTime() == null || completed.isAfter(Instant.parse(status.getLastSuccessfulTime()))) {
                    status.setLastSuccessfulTime(job.getStatus().getCompletionTime());
                }
            }
        }
        List<ObjectReference> missing = active.stream()
                .filter(ref -> owned.stream().noneMatch(j -> j.getMetadata().getUid().equals(ref.getUid())))
                .filter(ref -> client.batch().v1().jobs().inNamespace(ref.getNamespace()).withName(ref.getName()).get() == null)
                .toList();
        for (ObjectReference ref : missing) {
            events.normal(cronJob, "MissingJob", "Active job went missing: " + ref.getName());
            active.remove(ref);
        }
        status.setActive(active);
    }

    /** Starts the Job due now, if any; returns when to look again (null: not until the CronJob changes). */
    private Duration schedule(CronJob cronJob) {
        if (cronJob.getMetadata().getDeletionTimestamp() != null) {
            return null;
        }
        ZoneId zone = clock.getZone();
        if (cronJob.getSpec().getTimeZone() != null) {
            try {
                zone = ZoneId.of(cronJob.getSpec().getTimeZone());
            } catch (DateTimeException e) {
                events.warning(cronJob, "UnknownTimeZone", "invalid timeZone: \"" + cronJob.getSpec().getTimeZone()
                        + "\": unknown time zone " + cronJob.getSpec().getTimeZone());
                return null;
            }
        }
        if (Boolean.TRUE.equals(cronJob.getSpec().getSuspend())) {
            return null;
        }
        CronSchedule schedule;
        try {
            schedule = CronSchedule.parse(cronJob.getSpec().getSchedule());
        } catch (IllegalArgumentException e) {
            events.warning(cronJob, "UnparseableSchedule", "unparseable schedule: \"" + cronJob.getSpec().getSchedule()
                    + "\" : " + e.getMessage());
            return null;
        }
        return new CronJobRun(this, cronJob, new ScheduleTimes(schedule, zone), zone, clock.instant()).start();
    }

    // Used by CronJobRun.

    EventSink events() {
        return events;
    }

    KubernetesClient client() {
        return client;
    }

    CronJobJobs jobFactory() {
        return jobFactory;
    }

    static ObjectReference referenceTo(Job job) {
        return new ObjectReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
                .withName(job.getMetadata().getName()).withNamespace(job.getMetadata().getNamespace())
                .withUid(job.getMetadata().getUid()).withResourceVersion(job.getMetadata().getResourceVersion()).build();
    }

    static void deleteJob(KubernetesClient client, EventSink events, CronJob cronJob, String jobName) {
        client.batch().v1().jobs().inNamespace(cronJob.getMetadata().getNamespace()).withName(jobName)
                .withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
        events.normal(cronJob, "SuccessfulDelete", "Deleted job " + jobName);
    }
}
