package io.kube4j.controllers.nodelifecycle;

import static io.kube4j.controllers.ZeroValues.orEmpty;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import io.kube4j.controllers.queue.RateLimiter;
import io.kube4j.controllers.queue.RateLimitingQueue;
import io.kube4j.controllers.queue.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Deletes pods from nodes with NoExecute taints they do not tolerate (at once) or tolerate only for
 * a while (when their tolerationSeconds run out), as upstream's taint-eviction-controller. The
 * not-ready/unreachable taints this acts on come from {@link NodeLifecycleController}; the 300 s
 * tolerations of ordinary pods from the API server's admission defaults. Keys are pod keys.
 */
public final class TaintEvictionController extends Controller {
    public static final String NAME = "taint-eviction-controller";
    static final String REASON = "TaintManagerEviction";

    private final ControllerContext context;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<Node> nodes;
    private final Map<String, TaintEviction.Plan> plans = new ConcurrentHashMap<>();

    public TaintEvictionController(ControllerContext context) {
        super(NAME, 2, queueOnClockOf(context));
        this.context = context;
        this.pods = context.informer(Pod.class);
        this.nodes = context.informer(Node.class);
        PodsByNode.index(pods);
        pods.addEventHandler(enqueueing(pod -> pod.getSpec().getNodeName() == null ? List.of() : List.of(keyOf(pod))));
        nodes.addEventHandler(new NodeTaintHandler());
    }

    @Override
    protected void sync(String podKey) {
        Pod pod = pods.getStore().getByKey(podKey);
        Node node = pod == null || pod.getSpec().getNodeName() == null ? null : nodes.getStore().getByKey(pod.getSpec().getNodeName());
        if (pod == null || pod.getMetadata().getDeletionTimestamp() != null || node == null) {
            plans.remove(podKey);
            return;
        }
        Instant now = context.clock().instant();
        Optional<TaintEviction.Plan> plan = TaintEviction.plan(orEmpty(pod.getSpec().getTolerations()),
                noExecuteTaints(node), now, plans.get(podKey));
        if (plan.isEmpty()) {
            if (plans.remove(podKey) != null) {
                context.events().normal(pod, REASON, "Cancelling deletion of Pod " + podKey);
            }
            return;
        }
        plans.put(podKey, plan.get());
        if (now.isBefore(plan.get().dueAt())) {
            queue.addAfter(podKey, Duration.between(now, plan.get().dueAt()));
            return;
        }
        evict(pod, podKey, now);
    }

    /** Planned evictions fall due by the context's clock, so a test moving that clock moves them too. */
    private static RateLimitingQueue<String> queueOnClockOf(ControllerContext context) {
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(context.clock().millis());
        return new RateLimitingQueue<>(ticker, RateLimiter.defaults(ticker), true);
    }

    /** Marks the pod as disrupted (condition DisruptionTarget, as upstream) and deletes it. */
    private void evict(Pod pod, String podKey, Instant now) {
        context.events().normal(pod, REASON, "Marking for deletion Pod " + podKey);
        var resource = context.client().pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName());
        try {
            resource.editStatus(current -> withDisruptionTarget(current, now));
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
        resource.delete();
        plans.remove(podKey);
    }

    private static Pod withDisruptionTarget(Pod pod, Instant now) {
        List<PodCondition> conditions = new ArrayList<>(orEmpty(pod.getStatus() == null ? null : pod.getStatus().getConditions()));
        conditions.removeIf(c -> "DisruptionTarget".equals(c.getType()));
        conditions.add(new PodConditionBuilder().withType("DisruptionTarget").withStatus("True")
                .withReason("DeletionByTaintManager").withMessage("Taint manager: deleting due to NoExecute taint")
                .withLastTransitionTime(now.truncatedTo(ChronoUnit.SECONDS).toString()).build());
        return new PodBuilder(pod).editOrNewStatus().withConditions(conditions).endStatus().build();
    }

    static List<Taint> noExecuteTaints(Node node) {
        return node.getSpec() == null ? List.of()
                : orEmpty(node.getSpec().getTaints()).stream().filter(t -> NodeTaints.NO_EXECUTE.equals(t.getEffect())).toList();
    }

    /** A node whose NoExecute taints changed re-examines all its pods. */
    private final class NodeTaintHandler implements ResourceEventHandler<Node> {
        @Override
        public void onAdd(Node node) {
            if (!noExecuteTaints(node).isEmpty()) {
                enqueuePodsOn(node);
            }
        }

        @Override
        public void onUpdate(Node oldNode, Node newNode) {
            if (!Objects.equals(noExecuteTaints(oldNode), noExecuteTaints(newNode))) {
                enqueuePodsOn(newNode);
            }
        }

        @Override
        public void onDelete(Node node, boolean deletedFinalStateUnknown) {
            enqueuePodsOn(node);
        }

        private void enqueuePodsOn(Node node) {
            PodsByNode.on(pods, node.getMetadata().getName()).forEach(pod -> enqueue(keyOf(pod)));
        }
    }
}
