package io.kube4j.controllers.cronjob;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.controllers.EventSink;
import io.kube4j.controllers.job.JobConditions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Deletes a CronJob's oldest finished Jobs beyond successfulJobsHistoryLimit and failedJobsHistoryLimit. */
final class JobHistory {
    /** Oldest start first; Jobs that never started last, by name. */
    static final Comparator<Job> BY_START_TIME = Comparator
            .comparing((Job j) -> j.getStatus() == null ? null : j.getStatus().getStartTime(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(j -> j.getMetadata().getName());

    private final KubernetesClient client;
    private final EventSink events;

    JobHistory(KubernetesClient client, EventSink events) {
        this.client = client;
        this.events = events;
    }

    void cleanUp(CronJob cronJob, List<Job> owned) {
        Integer successfulLimit = cronJob.getSpec().getSuccessfulJobsHistoryLimit();
        Integer failedLimit = cronJob.getSpec().getFailedJobsHistoryLimit();
        List<Job> live = owned.stream().filter(j -> j.getMetadata().getDeletionTimestamp() == null).toList();
        if (successfulLimit != null) {
            removeOldest(cronJob, live.stream().filter(j -> JobConditions.isTrue(j.getStatus(), JobConditions.COMPLETE)).toList(),
                    successfulLimit);
        }
        if (failedLimit != null) {
            removeOldest(cronJob, live.stream().filter(j -> JobConditions.isTrue(j.getStatus(), JobConditions.FAILED)).toList(),
                    failedLimit);
        }
    }

    private void removeOldest(CronJob cronJob, List<Job> finished, int limit) {
        List<Job> sorted = new ArrayList<>(finished);
        sorted.sort(BY_START_TIME);
        for (int i = 0; i < sorted.size() - limit; i++) {
            Job job = sorted.get(i);
            CronJobController.deleteJob(client, events, cronJob, job.getMetadata().getName());
            if (cronJob.getStatus().getActive() != null) {
                cronJob.getStatus().getActive().removeIf(ref -> job.getMetadata().getUid().equals(ref.getUid()));
            }
        }
    }
}
