package io.kube4j.controllers.ttl;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import io.kube4j.controllers.job.JobConditions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deletes finished Jobs (Complete or Failed) {@code ttlSecondsAfterFinished} after they finished,
 * with Background propagation so the garbage collector removes their pods. Before deleting it reads
 * the Job again from the API, so a TTL that was just raised or removed is honoured.
 */
public final class TtlAfterFinishedController extends Controller {
    private final KubernetesClient client;
    private final Clock clock;
    private final SharedIndexInformer<Job> jobs;

    public TtlAfterFinishedController(ControllerContext context) {
        super("ttl-after-finished-controller", 1);
        this.client = context.client();
        this.clock = context.clock();
        this.jobs = context.informer(Job.class);
        jobs.addEventHandler(enqueueing(job -> needsCleanup(job) ? List.of(keyOf(job)) : List.of()));
    }

    static boolean needsCleanup(Job job) {
        return job.getMetadata().getDeletionTimestamp() == null && job.getSpec().getTtlSecondsAfterFinished() != null
                && JobConditions.isFinished(job);
    }

    /** How long until {@code job} expires at {@code now} (zero or negative: expired); null if it never does. */
    static Duration timeLeft(Job job, Instant now) {
        if (!needsCleanup(job)) {
            return null;
        }
        Instant finished = JobConditions.finishTime(job);
        if (finished == null) {
            return null;
        }
        return Duration.between(now, finished.plusSeconds(job.getSpec().getTtlSecondsAfterFinished()));
    }

    @Override
    protected void sync(String key) {
        Job cached = jobs.getIndexer().getByKey(key);
        if (cached == null) {
            return;
        }
        Duration left = timeLeft(cached, clock.instant());
        if (left == null) {
            return;
        }
        if (left.isPositive()) {
            queue.addAfter(key, left);
            return;
        }
        var resource = client.batch().v1().jobs().inNamespace(cached.getMetadata().getNamespace())
                .withName(cached.getMetadata().getName());
        Job fresh = resource.get();
        if (fresh == null) {
            return;
        }
        Duration freshLeft = timeLeft(fresh, clock.instant());
        if (freshLeft == null) {
            return;
        }
        if (freshLeft.isPositive()) {
            queue.addAfter(key, freshLeft);
            return;
        }
        resource.withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    }
}
