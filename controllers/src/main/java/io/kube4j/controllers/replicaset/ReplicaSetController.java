package io.kube4j.controllers.replicaset;

import static io.kube4j.controllers.ZeroValues.orZero;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllers.ApiObjectWriter;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import io.kube4j.controllers.ControllerRefClaimer;
import io.kube4j.controllers.EventSink;
import io.kube4j.controllers.Expectations;
import io.kube4j.controllers.Informers;
import io.kube4j.controllers.LabelSelectors;
import io.kube4j.controllers.ObjectWriter;
import io.kube4j.controllers.Owners;
import io.kube4j.controllers.PodStates;
import io.kube4j.controllers.queue.RateLimitingQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps {@code spec.replicas} active pods for each ReplicaSet (or ReplicationController, through
 * its {@link ReplicatedKind}): creates pods from the template, deletes the surplus in
 * {@link PodDeletionOrder}, adopts matching orphans and releases pods that stop matching, and
 * reports replicas, fullyLabeledReplicas, readyReplicas and availableReplicas in the status.
 */
public final class ReplicaSetController<T extends HasMetadata> extends Controller {
    /** At most this many pods are created or deleted per sync, as upstream. */
    static final int BURST_REPLICAS = 500;

    private final ReplicatedKind<T> kind;
    private final String kindName;
    private final SharedIndexInformer<T> owners;
    private final SharedIndexInformer<Pod> pods;
    private final ObjectWriter writer;
    private final EventSink events;
    private final Clock clock;
    private final Expectations expectations = new Expectations();
    private final PodHandler podHandler = new PodHandler();

    public ReplicaSetController(ReplicatedKind<T> kind, SharedIndexInformer<T> owners, SharedIndexInformer<Pod> pods,
                                ObjectWriter writer, EventSink events, Clock clock, RateLimitingQueue<String> queue) {
        super(kind.controllerName(), 5, queue);
        this.kind = kind;
        this.kindName = HasMetadata.getKind(kind.type());
        this.owners = owners;
        this.pods = pods;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
        owners.addEventHandler(enqueueing(owner -> List.of(keyOf(owner))));
        pods.addEventHandler(podHandler);
    }

    public static ReplicaSetController<ReplicaSet> forReplicaSets(ControllerContext context) {
        return create(new ReplicaSetKind(), context);
    }

    public static ReplicaSetController<ReplicationController> forReplicationControllers(ControllerContext context) {
        return create(new ReplicationControllerKind(), context);
    }

    private static <T extends HasMetadata> ReplicaSetController<T> create(ReplicatedKind<T> kind, ControllerContext context) {
        return new ReplicaSetController<>(kind, context.informer(kind.type()),
                context.informer(Pod.class), new ApiObjectWriter(context.client()),
                context.events(), context.clock(), RateLimitingQueue.create());
    }

    @Override
    protected void sync(String key) {
        T owner = Informers.get(owners, key);
        if (owner == null) {
            expectations.forget(key);
            return;
        }
        ReplicaSet rs = kind.asReplicaSet(owner);
        boolean needsSync = expectations.satisfied(key);
        List<Pod> active = Informers.claimable(pods, owner).stream().filter(PodStates::isActive).toList();
        List<Pod> owned = new ControllerRefClaimer<Pod>(owner,
                pod -> LabelSelectors.matches(rs.getSpec().getSelector(), pod.getMetadata().getLabels()),
                writer::writeOwners, () -> writer.fresh(owner)).claim(active);
        RuntimeException manageError = null;
        if (needsSync && rs.getMetadata().getDeletionTimestamp() == null) {
            manageError = manageReplicas(key, owner, rs, owned);
        }
        ReplicaSetStatus status = ReplicaSetStatuses.calculate(rs, owned, manageError, clock.instant());
        status.setObservedGeneration(rs.getMetadata().getGeneration());
        if (!ReplicaSetStatuses.unchanged(rs.getStatus(), status)) {
            writer.updateStatusOnLatest(owner, current -> kind.withStatus(current, status));
        }
        if (manageError != null) {
            throw manageError;
        }
        int replicas = orZero(rs.getSpec().getReplicas());
        int minReadySeconds = orZero(rs.getSpec().getMinReadySeconds());
        if (minReadySeconds > 0 && status.getReadyReplicas() == replicas && status.getAvailableReplicas() != replicas) {
            queue.addAfter(key, Duration.ofSeconds(minReadySeconds));
        }
    }

    /** Creates or deletes pods towards spec.replicas; returns the first failure, if any. */
    private RuntimeException manageReplicas(String key, T owner, ReplicaSet rs, List<Pod> owned) {
        int diff = owned.size() - orZero(rs.getSpec().getReplicas());
        if (diff < 0) {
            int toCreate = Math.min(-diff, BURST_REPLICAS);
            expectations.expect(key, toCreate, 0);
            SlowStartBatch.Result result = SlowStartBatch.run(toCreate, 1, i -> createPod(owner, rs.getSpec().getTemplate()));
            for (int skipped = toCreate - result.successes(); skipped > 0; skipped--) {
                expectations.observedAdd(key);
            }
            return result.error();
        }
        if (diff > 0) {
            int toDelete = Math.min(diff, BURST_REPLICAS);
            List<Pod> victims = PodDeletionOrder.firstToDelete(owned, relatedPods(rs), toDelete, clock.instant());
            expectations.expect(key, 0, victims.size());
            return SlowStartBatch.run(victims.size(), victims.size(), i -> deletePod(key, owner, victims.get(i))).error();
        }
        return null;
    }

    private void createPod(T owner, PodTemplateSpec template) {
        Pod pod = podFromTemplate(owner, template);
        try {
            Pod created = writer.create(pod);
            events.normal(owner, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
        } catch (KubernetesClientException e) {
            events.warning(owner, "FailedCreate", "Error creating: " + e.getMessage());
            throw e;
        }
    }

    private void deletePod(String key, T owner, Pod pod) {
        try {
            writer.delete(pod, "Background");
            events.normal(owner, "SuccessfulDelete", "Deleted pod: " + pod.getMetadata().getName());
        } catch (KubernetesClientException e) {
            expectations.observedDelete(key);
            if (e.getCode() != 404) {
                events.warning(owner, "FailedDelete", "Error deleting: " + e.getMessage());
                throw e;
            }
        }
    }

    /** What the pod informer calls; tests call it to play the watch. */
    ResourceEventHandler<Pod> podEvents() {
        return podHandler;
    }

    /** A pod as the template describes it, named {@code <owner>-<random>}, controlled by {@code owner}. */
    static Pod podFromTemplate(HasMetadata owner, PodTemplateSpec template) {
        Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
        Map<String, String> annotations = template.getMetadata() == null ? null : template.getMetadata().getAnnotations();
        List<String> finalizers = template.getMetadata() == null ? null : template.getMetadata().getFinalizers();
        return new PodBuilder()
                .withNewMetadata()
                .withGenerateName(owner.getMetadata().getName() + "-")
                .withNamespace(owner.getMetadata().getNamespace())
                .withLabels(labels == null ? null : new HashMap<>(labels))
                .withAnnotations(annotations == null ? null : new HashMap<>(annotations))
                .withFinalizers(finalizers == null ? null : new ArrayList<>(finalizers))
                .withOwnerReferences(Owners.controllerRef(owner))
                .endMetadata()
                .withSpec(template.getSpec())
                .build();
    }

    /**
     * Pods of this owner and of its siblings (owners with the same controller, e.g. the other
     * ReplicaSets of a Deployment), which rank how crowded each node is.
     */
    private List<Pod> relatedPods(ReplicaSet rs) {
        String namespace = rs.getMetadata().getNamespace();
        String parentUid = Owners.controllerUid(rs);
        List<String> ownerUids = parentUid == null ? List.of(rs.getMetadata().getUid())
                : Informers.controlledBy(owners, namespace, parentUid).stream().map(o -> o.getMetadata().getUid()).toList();
        return ownerUids.stream().flatMap(uid -> Informers.controlledBy(pods, namespace, uid).stream()).toList();
    }

    /** The cached owner a pod's controller reference names, or null when it is not one of ours. */
    private T resolveController(Pod pod) {
        OwnerReference ref = Owners.controllerOf(pod);
        if (ref == null || !kindName.equals(ref.getKind())) {
            return null;
        }
        T owner = Informers.get(owners, pod.getMetadata().getNamespace() + "/" + ref.getName());
        return owner != null && Objects.equals(owner.getMetadata().getUid(), ref.getUid()) ? owner : null;
    }

    /** Owners in the pod's namespace whose selector matches it: candidates to adopt an orphan. */
    private List<T> selectingOwners(Pod pod) {
        return Informers.inNamespace(owners, pod.getMetadata().getNamespace()).stream()
                .filter(o -> LabelSelectors.matches(kind.asReplicaSet(o).getSpec().getSelector(), pod.getMetadata().getLabels()))
                .toList();
    }

    /** Pod events: count observed creations and deletions, and queue the owners that may care. */
    private final class PodHandler implements ResourceEventHandler<Pod> {
        @Override
        public void onAdd(Pod pod) {
            if (pod.getMetadata().getDeletionTimestamp() != null) {
                onDelete(pod, false);
                return;
            }
            T owner = resolveController(pod);
            if (owner != null) {
                expectations.observedAdd(keyOf(owner));
                enqueue(keyOf(owner));
            } else if (Owners.controllerOf(pod) == null) {
                selectingOwners(pod).forEach(o -> enqueue(keyOf(o)));
            }
        }

        @Override
        public void onUpdate(Pod old, Pod cur) {
            if (Objects.equals(old.getMetadata().getResourceVersion(), cur.getMetadata().getResourceVersion())) {
                return;
            }
            boolean labelsChanged = !Objects.equals(old.getMetadata().getLabels(), cur.getMetadata().getLabels());
            if (cur.getMetadata().getDeletionTimestamp() != null) {
                onDelete(cur, false);
                if (labelsChanged) {
                    onDelete(old, false);
                }
                return;
            }
            OwnerReference oldRef = Owners.controllerOf(old);
            OwnerReference curRef = Owners.controllerOf(cur);
            boolean refChanged = !Objects.equals(oldRef, curRef);
            if (refChanged && oldRef != null) {
                T oldOwner = resolveController(old);
                if (oldOwner != null) {
                    enqueue(keyOf(oldOwner));
                }
            }
            if (curRef != null) {
                T owner = resolveController(cur);
                if (owner != null) {
                    enqueue(keyOf(owner));
                    int minReadySeconds = orZero(kind.asReplicaSet(owner).getSpec().getMinReadySeconds());
                    if (minReadySeconds > 0 && !PodStates.isReady(old) && PodStates.isReady(cur)) {
                        queue.addAfter(keyOf(owner), Duration.ofSeconds(minReadySeconds + 1L));
                    }
                }
            } else if (labelsChanged || refChanged) {
                selectingOwners(cur).forEach(o -> enqueue(keyOf(o)));
            }
        }

        @Override
        public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
            T owner = resolveController(pod);
            if (owner != null) {
                expectations.observedDelete(keyOf(owner));
                enqueue(keyOf(owner));
            }
        }
    }
}
