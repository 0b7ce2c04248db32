package io.kube4j.controllers.statefulset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
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
import io.kube4j.controllers.workload.ControllerHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps each StatefulSet's ordinal pods, their claims, its ControllerRevisions and its status, acting
 * on what {@link StatefulSetPlanner} decides. Pod names are fixed, so a create that the cache has not
 * seen yet fails with AlreadyExists instead of duplicating a pod: no expectations are needed.
 */
public final class StatefulSetController extends Controller {
    private static final int ALREADY_EXISTS = 409;
    private static final int NOT_FOUND = 404;

    private final KubernetesClient client;
    private final ObjectWriter writer;
    private final EventSink events;
    private final ControllerContext context;
    private final SharedIndexInformer<StatefulSet> sets;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<ControllerRevision> revisions;
    private final ControllerHistory history;
    private final StatefulSetPods podFactory;
    private final KubernetesSerialization serialization;

    public StatefulSetController(ControllerContext context) {
        super("statefulset-controller", 2);
        this.context = context;
        this.client = context.client();
        this.writer = new ApiObjectWriter(client);
        this.events = context.events();
        this.serialization = client.getKubernetesSerialization();
        this.history = new ControllerHistory(client);
        this.podFactory = new StatefulSetPods(serialization);
        this.sets = context.informer(StatefulSet.class);
        this.pods = context.informer(Pod.class);
        this.revisions = context.informer(ControllerRevision.class);
        sets.addEventHandler(enqueueing(set -> List.of(keyOf(set))));
        pods.addEventHandler(enqueueing(StatefulSetController::ownerKeys));
        revisions.addEventHandler(enqueueing(StatefulSetController::ownerKeys));
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

        Instant now = context.clock().instant();
        int minReadySeconds = Objects.requireNonNullElse(set.getSpec().getMinReadySeconds(), 0);
        List<Pod> setPods = Informers.controlledBy(pods, namespace, uid).stream()
                .filter(p -> StatefulSetPods.ordinalOf(set.getMetadata().getName(), p.getMetadata().getName()) >= 0)
                .toList();
        List<StatefulSetPlanner.Replica> replicas = setPods.stream().map(p -> replica(set, p, minReadySeconds, now)).toList();
        StatefulSetPlanner.Plan plan = StatefulSetPlanner.plan(spec(set, currentRevision, updateRevision), replicas);
        for (StatefulSetPlanner.Action action : plan.actions()) {
            switch (action) {
                case StatefulSetPlanner.Create create -> createPod(set, create,
                        create.fromCurrentRevision() ? currentRevision : updateRevision);
                case StatefulSetPlanner.Delete delete -> deletePod(set, delete.pod().name());
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

    private void createPod(StatefulSet set, StatefulSetPlanner.Create create, ControllerRevision revision) {
        Pod pod = podFactory.newPod(set, templateOf(revision), revision.getMetadata().getName(), create.ordinal());
        String namespace = set.getMetadata().getNamespace();
        for (PersistentVolumeClaim claim : podFactory.newClaims(set, create.ordinal())) {
            try {
                client.persistentVolumeClaims().inNamespace(namespace).resource(claim).create();
                events.normal(set, "SuccessfulCreate", "create Claim " + claim.getMetadata().getName() + " Pod "
                        + pod.getMetadata().getName() + " in StatefulSet " + set.getMetadata().getName() + " success");
            } catch (KubernetesClientException e) {
                if (e.getCode() != ALREADY_EXISTS) {
                    events.warning(set, "FailedCreate", "create Claim " + claim.getMetadata().getName() + " for Pod "
                            + pod.getMetadata().getName() + " in StatefulSet " + set.getMetadata().getName()
                            + " failed error: " + e.getMessage());
                    throw e;
                }
            }
        }
        try {
            client.pods().inNamespace(namespace).resource(pod).create();
            events.normal(set, "SuccessfulCreate", podMessage("create", pod.getMetadata().getName(), set) + " successful");
        } catch (KubernetesClientException e) {
            if (e.getCode() != ALREADY_EXISTS) {
                events.warning(set, "FailedCreate", podMessage("create", pod.getMetadata().getName(), set)
                        + " failed error: " + e.getMessage());
                throw e;
            }
        }
    }

    private void deletePod(StatefulSet set, String name) {
        try {
            client.pods().inNamespace(set.getMetadata().getNamespace()).withName(name).delete();
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
