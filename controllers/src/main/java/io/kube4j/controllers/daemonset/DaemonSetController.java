package io.kube4j.controllers.daemonset;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSetUpdateStrategy;
import io.fabric8.kubernetes.client.KubernetesClient;
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
import io.kube4j.controllers.PodStates;
import io.kube4j.controllers.workload.ControllerHistory;
import io.kube4j.controllers.workload.ExpectingPodHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs one pod of each DaemonSet on every eligible node, including nodes that join later, replaces
 * old-revision pods (RollingUpdate) and reports status. Pods get generated names, so creations and
 * deletions in flight are tracked with {@link Expectations}.
 */
public final class DaemonSetController extends Controller {
    private final KubernetesClient client;
    private final ObjectWriter writer;
    private final EventSink events;
    private final ControllerContext context;
    private final SharedIndexInformer<DaemonSet> daemonSets;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<Node> nodes;
    private final SharedIndexInformer<ControllerRevision> revisions;
    private final ControllerHistory history;
    private final DaemonPods podFactory;
    private final KubernetesSerialization serialization;
    private final Expectations expectations = new Expectations();

    public DaemonSetController(ControllerContext context) {
        super("daemonset-controller", 2);
        this.context = context;
        this.client = context.client();
        this.writer = new ApiObjectWriter(client);
        this.events = context.events();
        this.serialization = client.getKubernetesSerialization();
        this.history = new ControllerHistory(client);
        this.podFactory = new DaemonPods(serialization);
        this.daemonSets = context.informer(DaemonSet.class);
        this.pods = context.informer(Pod.class);
        this.nodes = context.informer(Node.class);
        this.revisions = context.informer(ControllerRevision.class);
        daemonSets.addEventHandler(enqueueing(ds -> List.of(keyOf(ds))));
        revisions.addEventHandler(enqueueing(DaemonSetController::ownerKeys));
        pods.addEventHandler(new ExpectingPodHandler(expectations, DaemonSetController::ownerKeys, this::enqueue));
        nodes.addEventHandler(new NodeHandler());
    }

    private static List<String> ownerKeys(HasMetadata obj) {
        return Owners.controllerKeys(obj, "DaemonSet");
    }

    @Override
    protected void sync(String key) {
        DaemonSet ds = daemonSets.getIndexer().getByKey(key);
        if (ds == null) {
            expectations.forget(key);
            return;
        }
        if (ds.getMetadata().getDeletionTimestamp() != null) {
            return;
        }
        String namespace = ds.getMetadata().getNamespace();
        String uid = ds.getMetadata().getUid();
        List<ControllerRevision> owned = Informers.controlledBy(revisions, namespace, uid);
        int collisionCount = ds.getStatus() == null ? 0 : Objects.requireNonNullElse(ds.getStatus().getCollisionCount(), 0);
        ControllerHistory.Update update = history.ensure(ds, ds.getSpec().getTemplate().getMetadata().getLabels(),
                history.templatePatch(ds.getSpec().getTemplate()), owned, collisionCount);
        String hash = update.revision().getMetadata().getLabels().get(ControllerHistory.HASH_LABEL);

        PodSpec eligibilitySpec = podFactory.eligibilitySpec(ds);
        Map<String, NodeEligibility.Decision> decisions = new TreeMap<>();
        for (Node node : nodes.getStore().list()) {
            decisions.put(node.getMetadata().getName(), NodeEligibility.decide(eligibilitySpec, node));
        }
        int minReadySeconds = Objects.requireNonNullElse(ds.getSpec().getMinReadySeconds(), 0);
        Instant now = context.clock().instant();
        List<Pod> ownedPods = Informers.controlledBy(pods, namespace, uid);
        List<DaemonSetPlanner.DaemonPod> daemonPods = ownedPods.stream()
                .map(p -> daemonPod(ds, p, hash, minReadySeconds, now)).toList();

        if (expectations.satisfied(key)) {
            manage(key, ds, hash, decisions, daemonPods);
        }
        DaemonSetPlanner.Counts counts = DaemonSetPlanner.count(decisions, daemonPods);
        updateStatus(ds, counts, update.collisionCount());
        if (minReadySeconds > 0 && counts.ready() != counts.available()) {
            queue.addAfter(key, Duration.ofSeconds(minReadySeconds));
        }
        Set<String> runningHashes = new HashSet<>();
        ownedPods.stream().filter(p -> p.getMetadata().getLabels() != null)
                .forEach(p -> runningHashes.add(p.getMetadata().getLabels().get(DaemonPods.REVISION_LABEL)));
        Set<String> live = new HashSet<>(List.of(update.revision().getMetadata().getName()));
        owned.stream()
                .filter(r -> r.getMetadata().getLabels() != null
                        && runningHashes.contains(r.getMetadata().getLabels().get(ControllerHistory.HASH_LABEL)))
                .forEach(r -> live.add(r.getMetadata().getName()));
        history.truncate(owned, live, Objects.requireNonNullElse(ds.getSpec().getRevisionHistoryLimit(), 10));
    }

    private void manage(String key, DaemonSet ds, String hash, Map<String, NodeEligibility.Decision> decisions,
                        List<DaemonSetPlanner.DaemonPod> daemonPods) {
        DaemonSetPlanner.Manage manage = DaemonSetPlanner.manage(decisions, daemonPods);
        List<DaemonSetPlanner.DaemonPod> delete = new ArrayList<>(manage.failed());
        delete.addAll(manage.delete());
        if (manage.createOn().isEmpty() && delete.isEmpty() && isRollingUpdate(ds)) {
            List<DaemonSetPlanner.DaemonPod> eligible = daemonPods.stream()
                    .filter(p -> decisions.getOrDefault(p.node(), new NodeEligibility.Decision(false, false)).shouldRun())
                    .toList();
            int desired = (int) decisions.values().stream().filter(NodeEligibility.Decision::shouldRun).count();
            delete.addAll(DaemonSetPlanner.rollout(eligible, DaemonSetPlanner.maxUnavailable(maxUnavailable(ds), desired)));
        }
        expectations.expect(key, manage.createOn().size(), delete.size());
        for (DaemonSetPlanner.DaemonPod pod : manage.failed()) {
            events.warning(ds, "FailedDaemonPod", "Found failed daemon pod " + ds.getMetadata().getNamespace() + "/"
                    + pod.name() + " on node " + pod.node() + ", will try to kill it");
        }
        for (String node : manage.createOn()) {
            createPod(key, ds, hash, node);
        }
        for (DaemonSetPlanner.DaemonPod pod : delete) {
            deletePod(key, ds, pod.name());
        }
    }

    private void createPod(String key, DaemonSet ds, String hash, String node) {
        try {
            Pod created = client.pods().inNamespace(ds.getMetadata().getNamespace())
                    .resource(podFactory.newPod(ds, hash, node)).create();
            events.normal(ds, "SuccessfulCreate", "Created pod: " + created.getMetadata().getName());
        } catch (RuntimeException e) {
            expectations.observedAdd(key);
            events.warning(ds, "FailedCreate", "Error creating: " + e.getMessage());
            throw e;
        }
    }

    private void deletePod(String key, DaemonSet ds, String name) {
        try {
            client.pods().inNamespace(ds.getMetadata().getNamespace()).withName(name).delete();
            events.normal(ds, "SuccessfulDelete", "Deleted pod: " + name);
        } catch (RuntimeException e) {
            expectations.observedDelete(key);
            events.warning(ds, "FailedDelete", "Error deleting: " + e.getMessage());
            throw e;
        }
    }

    private void updateStatus(DaemonSet ds, DaemonSetPlanner.Counts counts, int collisionCount) {
        DaemonSetStatus status = new DaemonSetStatus();
        status.setObservedGeneration(ds.getMetadata().getGeneration());
        status.setDesiredNumberScheduled(counts.desired());
        status.setCurrentNumberScheduled(counts.current());
        status.setNumberMisscheduled(counts.misscheduled());
        status.setNumberReady(counts.ready());
        status.setUpdatedNumberScheduled(counts.updated());
        status.setNumberAvailable(counts.available());
        status.setNumberUnavailable(counts.desired() - counts.available());
        status.setCollisionCount(collisionCount);
        if (ds.getStatus() != null) {
            status.setConditions(ds.getStatus().getConditions());
        }
        if (!status.equals(ds.getStatus())) {
            writer.updateStatusOnLatest(ds, d -> {
                DaemonSet copy = serialization.clone(d);
                copy.setStatus(status);
                return copy;
            });
        }
    }

    private static DaemonSetPlanner.DaemonPod daemonPod(DaemonSet ds, Pod pod, String hash, int minReadySeconds, Instant now) {
        Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
        boolean updated = hash.equals(labels.get(DaemonPods.REVISION_LABEL)) || ds.getMetadata().getGeneration() != null
                && ds.getMetadata().getGeneration().toString().equals(labels.get(DaemonPods.TEMPLATE_GENERATION_LABEL));
        return new DaemonSetPlanner.DaemonPod(pod.getMetadata().getName(), DaemonPods.targetNode(pod),
                PodStates.isTerminating(pod), PodStates.isFailed(pod), updated, PodStates.isReady(pod),
                PodStates.isAvailable(pod, minReadySeconds, now), PodStates.instant(pod.getMetadata().getCreationTimestamp()));
    }

    private static boolean isRollingUpdate(DaemonSet ds) {
        DaemonSetUpdateStrategy strategy = ds.getSpec().getUpdateStrategy();
        return strategy == null || !"OnDelete".equals(strategy.getType());
    }

    private static IntOrString maxUnavailable(DaemonSet ds) {
        DaemonSetUpdateStrategy strategy = ds.getSpec().getUpdateStrategy();
        return strategy == null || strategy.getRollingUpdate() == null ? null : strategy.getRollingUpdate().getMaxUnavailable();
    }

    private void enqueueAll() {
        daemonSets.getStore().list().forEach(ds -> enqueue(keyOf(ds)));
    }

    /** A node that joins, leaves, or changes labels, taints or schedulability may change where daemons run. */
    private final class NodeHandler implements ResourceEventHandler<Node> {
        @Override
        public void onAdd(Node node) {
            enqueueAll();
        }

        @Override
        public void onUpdate(Node oldNode, Node newNode) {
            if (!Objects.equals(oldNode.getMetadata().getLabels(), newNode.getMetadata().getLabels())
                    || !Objects.equals(oldNode.getSpec(), newNode.getSpec())) {
                enqueueAll();
            }
        }

        @Override
        public void onDelete(Node node, boolean deletedFinalStateUnknown) {
            enqueueAll();
        }
    }
}
