package io.kube4j.controllers.job;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kube4j.controllers.ApiObjectWriter;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import io.kube4j.controllers.EventSink;
import io.kube4j.controllers.Expectations;
import io.kube4j.controllers.Informers;
import io.kube4j.controllers.ObjectWriter;
import io.kube4j.controllers.Owners;
import io.kube4j.controllers.queue.RateLimitingQueue;
import io.kube4j.controllers.workload.ExpectingPodHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs each Job's pods to completion (upstream's job controller): counts finished pods through the
 * tracking finalizer, keeps up to parallelism pods active, retries failures with back-off up to
 * backoffLimit, enforces activeDeadlineSeconds and the pod failure policy, suspends and resumes, and
 * reports FailureTarget/SuccessCriteriaMet then Failed/Complete once every pod has terminated.
 */
public final class JobController extends Controller {
    private static final int NOT_FOUND = 404;

    private final ObjectWriter writer;
    private final EventSink events;
    private final Clock clock;
    private final SharedIndexInformer<Job> jobs;
    private final SharedIndexInformer<Pod> pods;
    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final JobPods podFactory = new JobPods(serialization);
    private final Expectations expectations = new Expectations();
    private final JobBackoff backoff = new JobBackoff();
    private final FinalizerRemovals finalizerRemovals = new FinalizerRemovals();
    private final StatusWrites statusWrites = new StatusWrites();
    private final PodEvents podEvents = new PodEvents();

    public JobController(ControllerContext context) {
        this(context.informer(Job.class), context.informer(Pod.class), new ApiObjectWriter(context.client()),
                context.events(), context.clock(), RateLimitingQueue.create());
    }

    JobController(SharedIndexInformer<Job> jobs, SharedIndexInformer<Pod> pods, ObjectWriter writer, EventSink events,
                  Clock clock, RateLimitingQueue<String> queue) {
        super("job-controller", 2, queue);
        this.jobs = jobs;
        this.pods = pods;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
        jobs.addEventHandler(enqueueing(job -> List.of(keyOf(job))));
        pods.addEventHandler(podEvents);
    }

    private static List<String> ownerKeys(HasMetadata obj) {
        return Owners.controllerKeys(obj, "Job");
    }

    @Override
    protected void sync(String key) {
        Job job = jobs.getIndexer().getByKey(key);
        if (job == null) {
            expectations.forget(key);
            backoff.forget(key);
            finalizerRemovals.forget(key);
            statusWrites.forget(key);
            return;
        }
        if (statusWrites.isBehind(key, job)) {
            // the watch event of this controller's own newer status write will sync the Job again
            return;
        }
        Set<String> removing = finalizerRemovals.pending(key); // before listing the pods: see pending()
        List<Pod> owned = Informers.controlledBy(pods, job.getMetadata().getNamespace(), job.getMetadata().getUid());
        Set<String> held = new HashSet<>();
        owned.stream().filter(JobPods::hasTrackingFinalizer).map(pod -> pod.getMetadata().getUid())
                .filter(uid -> !removing.contains(uid)).forEach(held::add);
        if (JobConditions.isFinished(job)) {
            owned.stream().filter(pod -> held.contains(pod.getMetadata().getUid())).forEach(pod -> releasePod(key, pod));
            return;
        }
        JobStatus status = job.getStatus() == null ? new JobStatus() : serialization.clone(job.getStatus());
        new JobSync(this, key, job, status, owned, held, clock.instant()).run();
    }

    // The writes JobSync performs, in one place.

    Job writeStatus(String key, Job job, JobStatus status) {
        Job copy = serialization.clone(job);
        copy.setStatus(serialization.clone(status));
        Job written = writer.updateStatus(copy);
        statusWrites.replaced(key, job.getMetadata().getResourceVersion());
        return written;
    }

    /** Removes the tracking finalizer so the pod is no longer held for counting. */
    void releasePod(String key, Pod pod) {
        finalizerRemovals.expect(key, pod.getMetadata().getUid());
        try {
            writer.removeFinalizer(pod, JobPods.TRACKING_FINALIZER);
        } catch (KubernetesClientException e) {
            finalizerRemovals.observed(key, pod.getMetadata().getUid());
            if (e.getCode() != NOT_FOUND) {
                throw e;
            }
        }
    }

    void createPod(String key, Job job, int index) {
        try {
            Pod created = writer.create(podFactory.newPod(job, index));
            events.normal(job, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
        } catch (RuntimeException e) {
            expectations.observedAdd(key);
            events.warning(job, "FailedCreate", "Error creating: " + e.getMessage());
            throw e;
        }
    }

    /** Deletes the pod; one already gone is no error, and no deletion event will come for it. */
    void deletePod(String key, Job job, Pod pod) {
        try {
            writer.delete(pod, "Background");
            events.normal(job, "SuccessfulDelete", "Deleted pod: " + pod.getMetadata().getName());
        } catch (RuntimeException e) {
            expectations.observedDelete(key);
            if (e instanceof KubernetesClientException k && k.getCode() == NOT_FOUND) {
                return;
            }
            events.warning(job, "FailedDelete", "Error deleting: " + e.getMessage());
            throw e;
        }
    }

    EventSink events() {
        return events;
    }

    Expectations expectations() {
        return expectations;
    }

    JobBackoff backoff() {
        return backoff;
    }

    void requeueAfter(String key, Duration delay) {
        queue.addAfter(key, delay);
    }

    /** The handler of pod events (tests deliver events through it). */
    ResourceEventHandler<Pod> podEvents() {
        return podEvents;
    }

    /**
     * Notes that a pod's tracking finalizer is gone (removed, or the pod deleted) before the owning Job
     * is woken, then settles its creation and deletion expectations.
     */
    private final class PodEvents implements ResourceEventHandler<Pod> {
        private final ExpectingPodHandler expecting =
                new ExpectingPodHandler(expectations, JobController::ownerKeys, JobController.this::enqueue);

        @Override
        public void onAdd(Pod pod) {
            expecting.onAdd(pod);
        }

        @Override
        public void onUpdate(Pod oldPod, Pod newPod) {
            if (!JobPods.hasTrackingFinalizer(newPod)) {
                finalizerGone(newPod);
            }
            expecting.onUpdate(oldPod, newPod);
        }

        @Override
        public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
            finalizerGone(pod);
            expecting.onDelete(pod, deletedFinalStateUnknown);
        }

        private void finalizerGone(Pod pod) {
            ownerKeys(pod).forEach(key -> finalizerRemovals.observed(key, pod.getMetadata().getUid()));
        }
    }
}
