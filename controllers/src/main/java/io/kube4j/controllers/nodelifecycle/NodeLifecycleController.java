package io.kube4j.controllers.nodelifecycle;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import io.kube4j.controllers.PodStates;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Watches node heartbeats as upstream's node-lifecycle-controller: a node silent (no new Ready
 * heartbeat, no Lease renewal) for longer than the grace period gets its kubelet conditions set to
 * Unknown, its pods marked not ready, and — for every node — the condition-derived taints of
 * {@link NodeTaints} are kept in line (the NoExecute ones drive {@link TaintEvictionController}).
 * Each node is re-checked every monitor period. Keys are node names.
 */
public final class NodeLifecycleController extends Controller {
    public static final String NAME = "node-lifecycle-controller";
    static final String LEASE_NAMESPACE = "kube-node-lease";

    private final ControllerContext context;
    private final NodeLifecycleSettings settings;
    private final SharedIndexInformer<Node> nodes;
    private final SharedIndexInformer<Lease> leases;
    private final SharedIndexInformer<Pod> pods;
    private final HeartbeatTracker heartbeats = new HeartbeatTracker();

    public NodeLifecycleController(ControllerContext context, NodeLifecycleSettings settings) {
        super(NAME, 2);
        this.context = context;
        this.settings = settings;
        this.nodes = context.informer(Node.class);
        this.leases = context.informer(Lease.class);
        this.pods = context.informer(Pod.class);
        PodsByNode.index(pods);
        nodes.addEventHandler(enqueueing(node -> List.of(node.getMetadata().getName())));
        leases.addEventHandler(enqueueing(lease -> LEASE_NAMESPACE.equals(lease.getMetadata().getNamespace())
                ? List.of(lease.getMetadata().getName()) : List.of()));
    }

    public NodeLifecycleController(ControllerContext context) {
        this(context, NodeLifecycleSettings.defaults());
    }

    @Override
    protected void sync(String nodeName) {
        Node node = nodes.getStore().getByKey(nodeName);
        if (node == null) {
            heartbeats.forget(nodeName);
            return;
        }
        Instant now = context.clock().instant();
        Instant lastSeen = heartbeats.observe(node, leases.getStore().getByKey(LEASE_NAMESPACE + "/" + nodeName), now);
        Duration grace = NodeConditions.ready(node) == null ? settings.startupGracePeriod() : settings.monitorGracePeriod();
        if (now.isAfter(lastSeen.plus(grace))) {
            node = markUnknown(node, now);
        }
        if (!"True".equals(NodeConditions.readyStatus(node)) && NodeConditions.ready(node) != null) {
            markPodsNotReady(node, now);
        }
        updateTaints(node, now);
        queue.addAfter(nodeName, settings.monitorPeriod());
    }

    private Node markUnknown(Node node, Instant now) {
        Node unknown = NodeConditions.markUnknown(node, now);
        if (unknown == null) {
            return node;
        }
        boolean wasReady = "True".equals(NodeConditions.readyStatus(node));
        Node written = context.client().nodes().resource(unknown).updateStatus();
        if (wasReady) {
            context.events().normal(written, "NodeNotReady", "Node " + node.getMetadata().getName() + " status is now: NodeNotReady");
        }
        return written;
    }

    private void updateTaints(Node node, Instant now) {
        if (NodeTaints.reconcile(node, now) == null) {
            return;
        }
        // Computed again on the fresh object so taints someone added meanwhile are kept.
        context.client().nodes().withName(node.getMetadata().getName()).edit(fresh -> {
            List<Taint> taints = NodeTaints.reconcile(fresh, now);
            return taints == null ? fresh : new NodeBuilder(fresh).editOrNewSpec().withTaints(taints).endSpec().build();
        });
    }

    /** Sets Ready=False on the pods of a node that is not ready, as upstream's MarkPodsNotReady. */
    private void markPodsNotReady(Node node, Instant now) {
        for (Pod pod : PodsByNode.on(pods, node.getMetadata().getName())) {
            if (!PodStates.isReady(pod)) {
                continue;
            }
            try {
                context.client().pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                        .editStatus(current -> withReadyFalse(current, now));
                context.events().warning(pod, "NodeNotReady", "Node is not ready");
            } catch (KubernetesClientException e) {
                if (e.getCode() != 404) {
                    throw e;
                }
            }
        }
    }

    private static Pod withReadyFalse(Pod pod, Instant now) {
        Pod copy = new PodBuilder(pod).build();
        PodStates.condition(copy, "Ready").filter(ready -> "True".equals(ready.getStatus())).ifPresent(ready -> {
            ready.setStatus("False");
            ready.setLastTransitionTime(now.truncatedTo(ChronoUnit.SECONDS).toString());
        });
        return copy;
    }
}
