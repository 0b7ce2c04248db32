package io.kube4j.controllers.deployment;

import static io.kube4j.controllers.ZeroValues.orZero;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.kube4j.controllers.ApiObjectWriter;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import io.kube4j.controllers.ControllerRefClaimer;
import io.kube4j.controllers.EventSink;
import io.kube4j.controllers.Informers;
import io.kube4j.controllers.LabelSelectors;
import io.kube4j.controllers.ObjectWriter;
import io.kube4j.controllers.Owners;
import io.kube4j.controllers.queue.RateLimitingQueue;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rolls Deployments out through one ReplicaSet per pod template: claims the ReplicaSets its
 * selector matches, then either only reports status (being deleted), resizes (paused, or a
 * scaling event), or runs the strategy (see {@link Rollouts}).
 */
public final class DeploymentController extends Controller {
    private static final KubernetesSerialization COPIER = new KubernetesSerialization();

    private final SharedIndexInformer<Deployment> deployments;
    private final SharedIndexInformer<ReplicaSet> replicaSets;
    private final SharedIndexInformer<Pod> pods;
    private final ObjectWriter writer;
    private final EventSink events;
    private final NewReplicaSets newReplicaSets;
    private final Rollouts rollouts;
    private final RolloutStatus status;

    public DeploymentController(SharedIndexInformer<Deployment> deployments, SharedIndexInformer<ReplicaSet> replicaSets,
                                SharedIndexInformer<Pod> pods, ObjectWriter writer, EventSink events, Clock clock,
                                RateLimitingQueue<String> queue) {
        super("deployment-controller", 5, queue);
        this.deployments = deployments;
        this.replicaSets = replicaSets;
        this.pods = pods;
        this.writer = writer;
        this.events = events;
        RolloutEnv env = new RolloutEnv(writer, events, clock, (d, after) -> queue.addAfter(keyOf(d), after));
        this.newReplicaSets = new NewReplicaSets(env, key -> Informers.get(replicaSets, key));
        this.status = new RolloutStatus(env);
        this.rollouts = new Rollouts(newReplicaSets, new Scaling(env), status);
        deployments.addEventHandler(enqueueing(d -> List.of(keyOf(d))));
        replicaSets.addEventHandler(enqueueing(this::deploymentKeysFor));
        pods.addEventHandler(new RecreatePodHandler());
    }

    public static DeploymentController create(ControllerContext context) {
        return new DeploymentController(context.informer(Deployment.class),
                context.informer(ReplicaSet.class), context.informer(Pod.class),
                new ApiObjectWriter(context.client()), context.events(), context.clock(),
                RateLimitingQueue.create());
    }

    @Override
    protected void sync(String key) {
        Deployment cached = Informers.get(deployments, key);
        if (cached == null) {
            return;
        }
        Deployment d = COPIER.clone(cached);
        LabelSelector selector = d.getSpec().getSelector();
        if (selector == null || isEmpty(selector)) {
            events.warning(d, "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.");
            if (orZero(NewReplicaSets.status(d).getObservedGeneration())
                    < orZero(d.getMetadata().getGeneration())) {
                d.getStatus().setObservedGeneration(d.getMetadata().getGeneration());
                writer.updateStatus(d);
            }
            return;
        }
        List<ReplicaSet> rsList = claimReplicaSets(d).stream().map(COPIER::clone).toList();
        if (d.getMetadata().getDeletionTimestamp() != null) {
            rollouts.statusOnly(d, rsList);
            return;
        }
        status.checkPausedCondition(d);
        if (Boolean.TRUE.equals(d.getSpec().getPaused())
                || Scaling.isScalingEvent(d, newReplicaSets.split(d, rsList, false).all())) {
            rollouts.scaleOnly(d, rsList);
        } else if (RollingMath.isRollingUpdate(d)) {
            rollouts.rolling(d, rsList);
        } else {
            rollouts.recreate(d, rsList, podsByReplicaSet(d, rsList));
        }
    }

    /** The ReplicaSets of the namespace this deployment controls, after adopting and releasing by selector. */
    private List<ReplicaSet> claimReplicaSets(Deployment d) {
        return new ControllerRefClaimer<ReplicaSet>(d,
                rs -> LabelSelectors.matches(d.getSpec().getSelector(), rs.getMetadata().getLabels()),
                writer::writeOwners, () -> writer.fresh(d)).claim(Informers.claimable(replicaSets, d));
    }

    /** The deployment's pods grouped by the uid of their ReplicaSet (every ReplicaSet listed, possibly empty). */
    private Map<String, List<Pod>> podsByReplicaSet(Deployment d, List<ReplicaSet> rsList) {
        Map<String, List<Pod>> byUid = new HashMap<>();
        for (ReplicaSet rs : rsList) {
            String uid = rs.getMetadata().getUid();
            byUid.put(uid, Informers.controlledBy(pods, d.getMetadata().getNamespace(), uid).stream()
                    .filter(pod -> LabelSelectors.matches(d.getSpec().getSelector(), pod.getMetadata().getLabels()))
                    .toList());
        }
        return byUid;
    }

    /** The deployment controlling a ReplicaSet or, for an orphan, every deployment that selects it. */
    private List<String> deploymentKeysFor(ReplicaSet rs) {
        Deployment owner = controllingDeployment(rs);
        if (owner != null) {
            return List.of(keyOf(owner));
        }
        if (Owners.controllerOf(rs) != null) {
            return List.of();
        }
        return Informers.inNamespace(deployments, rs.getMetadata().getNamespace()).stream()
                .filter(d -> d.getSpec().getSelector() != null && !isEmpty(d.getSpec().getSelector())
                        && LabelSelectors.matches(d.getSpec().getSelector(), rs.getMetadata().getLabels()))
                .map(Controller::keyOf).toList();
    }

    private Deployment controllingDeployment(HasMetadata obj) {
        OwnerReference ref = Owners.controllerOf(obj);
        if (ref == null || !"Deployment".equals(ref.getKind())) {
            return null;
        }
        Deployment d = Informers.get(deployments, obj.getMetadata().getNamespace() + "/" + ref.getName());
        return d != null && Objects.equals(d.getMetadata().getUid(), ref.getUid()) ? d : null;
    }

    private static boolean isEmpty(LabelSelector selector) {
        return (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    /** A Recreate rollout waits for the old pods to be gone: their deletion is what lets it continue. */
    private final class RecreatePodHandler implements ResourceEventHandler<Pod> {
        @Override
        public void onAdd(Pod pod) {
        }

        @Override
        public void onUpdate(Pod oldPod, Pod newPod) {
        }

        @Override
        public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
            OwnerReference ref = Owners.controllerOf(pod);
            if (ref == null || !"ReplicaSet".equals(ref.getKind())) {
                return;
            }
            ReplicaSet rs = Informers.get(replicaSets, pod.getMetadata().getNamespace() + "/" + ref.getName());
            Deployment d = rs == null ? null : controllingDeployment(rs);
            if (d != null && !RollingMath.isRollingUpdate(d)) {
                enqueue(keyOf(d));
            }
        }
    }
}
