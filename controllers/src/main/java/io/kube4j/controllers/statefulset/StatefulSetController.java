package io.kube4j.controllers.statefulset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kube4j.controllers.ApiObjectWriter;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import io.kube4j.controllers.EventSink;
import io.kube4j.controllers.Informers;
import io.kube4j.controllers.ObjectWriter;
import io.kube4j.controllers.Owners;
import io.kube4j.controllers.PodStates;
import io.kube4j.controllers.queue.RateLimitingQueue;
import io.kube4j.controllers.workload.ControllerHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps each StatefulSet's ordinal pods, their claims (with the ownerReferences of its
 * {@link ClaimRetention retention policy}), its ControllerRevisions and its status, acting on what
 * {@link StatefulSetPlanner} decides. Pod names are fixed, so a create that the cache has not
 * seen yet fails with AlreadyExists instead of duplicating a pod: no expectations are needed.
 */
public final class StatefulSetController extends Controller {
    private static final int ALREADY_EXISTS = 409;
    private static final int NOT_FOUND = 404;

    private final ObjectWriter writer;
    private final EventSink events;
    private final Clock clock;
    private final SharedIndexInformer<StatefulSet> sets;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<ControllerRevision> revisions;
    private final SharedIndexInformer<PersistentVolumeClaim> claims;
    private final ControllerHistory history;
    private final StatefulSetPods podFactory;
    private final KubernetesSerialization serialization;

    public StatefulSetController(ControllerContext context) {
        this(context.informer(StatefulSet.class), context.informer(Pod.class), context.informer(ControllerRevision.class),
                context.informer(PersistentVolumeClaim.class), new ApiObjectWriter(context.client()),
                new ControllerHistory(context.client()), context.events(), context.clock(), RateLimitingQueue.create());
    }

    /** The controller over the given caches, writing through {@code writer} (tests pass a recording fake). */
    StatefulSetController(SharedIndexInformer<StatefulSet> sets, SharedIndexInformer<Pod> pods,
                          SharedIndexInformer<ControllerRevision> revisions, SharedIndexInformer<PersistentVolumeClaim> claims,
                          ObjectWriter writer, ControllerHistory history, EventSink events, Clock clock,
                          RateLimitingQueue<String> queue) {
        super("statefulset-controller", 2, queue);
        this.writer = writer;
        this.events = events;
        this.clock = clock;
        this.history = history;
        this.serialization = new KubernetesSerialization();
        this.podFactory = new StatefulSetPods(serialization);
        this.sets = sets;
        this.pods = pods;
        this.revisions = revisions;
        this.claims = claims;
        sets.addEventHandler(enqueueing(set -> List.of(keyOf(set))));
        pods.addEventHandler(enqueueing(StatefulSetController::ownerKeys));
        revisions.addEventHandler(enqueueing(StatefulSetController::ownerKeys));
        // A pod recreated after a scale-down waits for its old claims to be garbage collected.
        claims.addEventHandler(enqueueing(ClaimRetention::setKeysOfPodOwners));
    }

    private static List<String> ownerKeys(HasMetadata obj) {
        return Owners.controllerKeys(obj, "StatefulSet");
    }

    @Override
    protected void sync(String key) {
        StatefulSet set = sets.getIndexer().getByKey(key);
        if (set == null || set.getMetadata().getDeletionTimestamp() != null) {
            return;
        }
        String namespace = set.getMetadata().getNamespace();
        String uid = set.getMetadata().getUid();
        List<ControllerRevision> owned = Informers.controlledBy(revisions, namespace, uid);
        int collisionCount = set.getStatus() == null || set.getStatus().getCollisionCount() == null
                ? 0 : set.getStatus().getCollisionCount();
        PodTemplateSpec template = set.getSpec().getTemplate();
        ControllerHistory.Update update = history.ensure(set, template.getMetadata().getLabels(),
                history.templatePatch(template), owned, collisionCount);
        ControllerRevision updateRevision = update.revision();
        String currentName = set.getStatus() == null ? null : set.getStatus().getCurrentRevision();
        ControllerRevision currentRevision = owned.stream()
                .filter(r -> r.getMetadata().getName().equals(currentName))
                .findFirst().orElse(updateRevision);

        Instant now = clock.instant();
        int minReadySeconds = Objects.requireNonNullElse(set.getSpec().getMinReadySeconds(), 0);
        List<Pod> setPods = Informers.controlledBy(pods, namespace, uid).stream()
                .filter(p -> StatefulSetPods.ordinalOf(set.getMetadata().getName(), p.getMetadata().getName()) >= 0)
                .toList();
        List<StatefulSetPlanner.Replica> replicas = setPods.stream().map(p -> replica(set, p, minReadySeconds, now)).toList();
        applyRetentionPolicy(set, setPods);
        StatefulSetPlanner.Plan plan = StatefulSetPlanner.plan(spec(set, currentRevision, updateRevision), replicas);
        for (StatefulSetPlanner.Action action : plan.actions()) {
            switch (action) {
                case StatefulSetPlanner.Create create -> createPod(set, create,
                        create.fromCurrentRevision() ? currentRevision : updateRevision);
                case StatefulSetPlanner.Delete delete -> deletePod(set, setPods.stream()
                        .filter(p -> p.getMetadata().getName().equals(delete.pod().name())).findFirst().orElseThrow());
            }
        }
        if (plan.waiting() && minReadySeconds > 0) {
            queue.addAfter(key, Duration.ofSeconds(minReadySeconds));
        }

        StatefulSetStatus status = StatefulSetStatuses.of(set, replicas, currentRevision.getMetadata().getName(),
                updateRevision.getMetadata().getName(), update.collisionCount());
        if (!status.equals(set.getStatus())) {
            writer.updateStatusOnLatest(set, s -> {
                StatefulSet copy = serialization.clone(s);
                copy.setStatus(status);
                return copy;
            });
        }
        Set<String> live = new HashSet<>(List.of(status.getCurrentRevision(), status.getUpdateRevision()));
        replicas.forEach(r -> live.add(r.revision()));
        int limit = Objects.requireNonNullElse(set.getSpec().getRevisionHistoryLimit(), 10);
        history.truncate(owned, live, limit);
    }

    private static StatefulSetPlanner.Spec spec(StatefulSet set, ControllerRevision current, ControllerRevision update) {
        var strategy = set.getSpec().getUpdateStrategy();
        boolean rolling = strategy == null || !"OnDelete".equals(strategy.getType());
        int partition = rolling && strategy != null && strategy.getRollingUpdate() != null
                ? Objects.requireNonNullElse(strategy.getRollingUpdate().getPartition(), 0) : 0;
        return new StatefulSetPlanner.Spec(Objects.requireNonNullElse(set.getSpec().getReplicas(), 1),
                !"Parallel".equals(set.getSpec().getPodManagementPolicy()), rolling, partition,
                current.getMetadata().getName(), update.getMetadata().getName());
    }

    private static StatefulSetPlanner.Replica replica(StatefulSet set, Pod pod, int minReadySeconds, Instant now) {
        String revision = pod.getMetadata().getLabels() == null ? null
                : pod.getMetadata().getLabels().get(StatefulSetPods.REVISION_LABEL);
        return new StatefulSetPlanner.Replica(
                StatefulSetPods.ordinalOf(set.getMetadata().getName(), pod.getMetadata().getName()),
                pod.getMetadata().getName(), revision, PodStates.isTerminating(pod), PodStates.isFinished(pod),
                PodStates.isRunningAndReady(pod), PodStates.isAvailable(pod, minReadySeconds, now));
    }

    /**
     * Puts the ownerReferences the retention policy asks for on the claims of every pod: condemned pods
     * (whatever their state) before they are deleted, live pods of the range so that a scale back up
     * or a policy change takes references away again.
     */
    private void applyRetentionPolicy(StatefulSet set, List<Pod> setPods) {
        int replicas = Objects.requireNonNullElse(set.getSpec().getReplicas(), 1);
        String setName = set.getMetadata().getName();
        for (Pod pod : setPods) {
            int ordinal = StatefulSetPods.ordinalOf(setName, pod.getMetadata().getName());
            boolean scaledDown = ordinal >= replicas;
            if (!scaledDown && PodStates.isTerminating(pod)) {
                continue;
            }
            for (String claimName : claimNames(set, ordinal)) {
                PersistentVolumeClaim claim = claims.getIndexer().getByKey(set.getMetadata().getNamespace() + "/" + claimName);
                if (claim != null) {
                    ClaimRetention.ownersToWrite(claim, set, pod, scaledDown)
                            .ifPresent(owners -> writer.writeOwners(claim, owners));
                }
            }
        }
    }

    private static List<String> claimNames(StatefulSet set, int ordinal) {
        List<PersistentVolumeClaim> templates = set.getSpec().getVolumeClaimTemplates();
        return templates == null ? List.of() : templates.stream()
                .map(t -> StatefulSetPods.claimName(t.getMetadata().getName(), set, ordinal)).toList();
    }

    private void createPod(StatefulSet set, StatefulSetPlanner.Create create, ControllerRevision revision) {
        Pod pod = podFactory.newPod(set, templateOf(revision), revision.getMetadata().getName(), create.ordinal());
        String podName = pod.getMetadata().getName();
        String namespace = set.getMetadata().getNamespace();
        boolean staleClaim = claimNames(set, create.ordinal()).stream()
                .map(name -> claims.getIndexer().getByKey(namespace + "/" + name))
                .anyMatch(claim -> claim != null && ClaimRetention.heldByEarlierPod(set, podName, claim));
        if (staleClaim) {
            return;
        }
        for (PersistentVolumeClaim claim : podFactory.newClaims(set, create.ordinal())) {
            try {
                writer.create(claim);
                events.normal(set, "SuccessfulCreate", "create Claim " + claim.getMetadata().getName() + " Pod "
                        + podName + " in StatefulSet " + set.getMetadata().getName() + " success");
            } catch (KubernetesClientException e) {
                if (e.getCode() != ALREADY_EXISTS) {
                    events.warning(set, "FailedCreate", "create Claim " + claim.getMetadata().getName() + " for Pod "
                            + podName + " in StatefulSet " + set.getMetadata().getName()
                            + " failed error: " + e.getMessage());
                    throw e;
                }
            }
        }
        try {
            writer.create(pod);
            events.normal(set, "SuccessfulCreate", podMessage("create", podName, set) + " successful");
        } catch (KubernetesClientException e) {
            if (e.getCode() != ALREADY_EXISTS) {
                events.warning(set, "FailedCreate", podMessage("create", podName, set)
                        + " failed error: " + e.getMessage());
                throw e;
            }
        }
    }

    private void deletePod(StatefulSet set, Pod pod) {
        String name = pod.getMetadata().getName();
        try {
            writer.delete(pod, "Background");
            events.normal(set, "SuccessfulDelete", podMessage("delete", name, set) + " successful");
        } catch (KubernetesClientException e) {
            if (e.getCode() != NOT_FOUND) {
                events.warning(set, "FailedDelete", podMessage("delete", name, set) + " failed error: " + e.getMessage());
                throw e;
            }
        }
    }

    private static String podMessage(String verb, String podName, StatefulSet set) {
        return verb + " Pod " + podName + " in StatefulSet " + set.getMetadata().getName();
    }

    /** The pod template a revision recorded (its replace patch without the patch directive). */
    @SuppressWarnings("unchecked")
    private PodTemplateSpec templateOf(ControllerRevision revision) {
        Map<String, Object> data = serialization.convertValue(revision.getData(), Map.class);
        Map<String, Object> template = new HashMap<>((Map<String, Object>) ((Map<String, Object>) data.get("spec")).get("template"));
        template.remove("$patch");
        return serialization.convertValue(template, PodTemplateSpec.class);
    }
}
