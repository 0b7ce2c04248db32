package io.kube4j.controllers.job;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import io.kube4j.controllers.EventSink;
import io.kube4j.controllers.Expectations;
import io.kube4j.controllers.Informers;
import io.kube4j.controllers.Owners;
import io.kube4j.controllers.workload.ExpectingPodHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Runs each Job's pods to completion (upstream's job controller): counts finished pods through the
 * tracking finalizer, keeps up to parallelism pods active, retries failures with back-off up to
 * backoffLimit, enforces activeDeadlineSeconds and the pod failure policy, suspends and resumes, and
 * reports FailureTarget/SuccessCriteriaMet then Failed/Complete once every pod has terminated.
 */
public final class JobController extends Controller {
    static final String REMOVE_FINALIZER_PATCH =
            "{\"metadata\":{\"$deleteFromPrimitiveList/finalizers\":[\"" + JobPods.TRACKING_FINALIZER + "\"]}}";
    private static final int NOT_FOUND = 404;

    private final KubernetesClient client;
    private final EventSink events;
    private final Clock clock;
    private final SharedIndexInformer<Job> jobs;
    private final SharedIndexInformer<Pod> pods;
    private final JobPods podFactory;
    private final KubernetesSerialization serialization;
    private final Expectations expectations = new Expectations();
    private final JobBackoff backoff = new JobBackoff();
    private final FinalizerRemovals finalizerRemovals = new FinalizerRemovals();

    public JobController(ControllerContext context) {
        super("job-controller", 2);
        this.client = context.client();
        this.events = context.events();
        this.clock = context.clock();
        this.serialization = client.getKubernetesSerialization();
        this.podFactory = new JobPods(serialization);
        this.jobs = context.informer(Job.class);
        this.pods = context.informer(Pod.class);
        jobs.addEventHandler(enqueueing(job -> List.of(keyOf(job))));
        pods.addEventHandler(new ExpectingPodHandler(expectations, JobController::ownerKeys, this::enqueue));
        pods.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
            }

            @Override
            public void onUpdate(Pod oldPod, Pod newPod) {
                if (!JobPods.hasTrackingFinalizer(newPod)) {
                    ownerKeys(newPod).forEach(key -> finalizerRemovals.observed(key, newPod.getMetadata().getUid()));
                }
            }

            @Override
            public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
                ownerKeys(pod).forEach(key -> finalizerRemovals.observed(key, pod.getMetadata().getUid()));
            }
        });
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
            return;
        }
        List<Pod> owned = Informers.controlledBy(pods, job.getMetadata().getNamespace(), job.getMetadata().getUid());
        if (JobConditions.isFinished(job)) {
            owned.stream().filter(JobPods::hasTrackingFinalizer)
                    .filter(pod -> !finalizerRemovals.isPending(key, pod.getMetadata().getUid()))
                    .forEach(pod -> releasePod(key, pod));
            return;
        }
        JobStatus status = job.getStatus() == null ? new JobStatus() : serialization.clone(job.getStatus());
        new JobSync(this, key, job, status, owned, clock.instant()).run();
    }

    // The writes JobSync performs, in one place.

    Job writeStatus(Job job, JobStatus status) {
        Job copy = serialization.clone(job);
        copy.setStatus(serialization.clone(status));
        return client.batch().v1().jobs().inNamespace(job.getMetadata().getNamespace()).resource(copy).updateStatus();
    }

    /** Removes the tracking finalizer so the pod is no longer held for counting. */
    void releasePod(String key, Pod pod) {
        finalizerRemovals.expect(key, pod.getMetadata().getUid());
        try {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), REMOVE_FINALIZER_PATCH);
        } catch (KubernetesClientException e) {
            finalizerRemovals.observed(key, pod.getMetadata().getUid());
            if (e.getCode() != NOT_FOUND) {
                throw e;
            }
        }
    }

    /** Whether the pod still carries the tracking finalizer as far as this controller knows. */
    boolean isHeld(String key, Pod pod) {
        return JobPods.hasTrackingFinalizer(pod) && !finalizerRemovals.isPending(key, pod.getMetadata().getUid());
    }

    void createPod(String key, Job job, int index) {
        try {
            Pod created = client.pods().inNamespace(job.getMetadata().getNamespace()).resource(podFactory.newPod(job, index)).create();
            events.normal(job, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
        } catch (RuntimeException e) {
            expectations.observedAdd(key);
            events.warning(job, "FailedCreate", "Error creating: " + e.getMessage());
            throw e;
        }
    }

    void deletePod(String key, Job job, Pod pod) {
        try {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).delete();
            events.normal(job, "SuccessfulDelete", "Deleted pod: " + pod.getMetadata().getName());
        } catch (RuntimeException e) {
            expectations.observedDelete(key);
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
}
