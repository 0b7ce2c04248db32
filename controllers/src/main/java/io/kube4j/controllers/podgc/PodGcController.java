package io.kube4j.controllers.podgc;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import io.kube4j.controllers.queue.RateLimiter;
import io.kube4j.controllers.queue.RateLimitingQueue;
import io.kube4j.controllers.queue.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's pod garbage collector: force-deletes pods no kubelet will ever finish, namely pods
 * bound to a node that no longer exists (after a 40 s quarantine and a check with the server; they
 * get a {@code DisruptionTarget} condition first), terminating pods on nodes declared out of service,
 * terminating pods never scheduled, and the oldest finished pods beyond the terminated-pod threshold.
 * Each sync is one pass over the whole pod cache (the single key {@value #KEY}). As upstream, passes
 * run every 20 s (sooner when a node is deleted or declared out of service, or a quarantine ends), not
 * on pod events: a pass costs O(pods), and under churn pod events arrive thousands a second.
 */
public final class PodGcController extends Controller {
    private static final Logger LOG = LoggerFactory.getLogger(PodGcController.class);

    public static final String NAME = "pod-garbage-collector-controller";
    /** kube-controller-manager's default {@code --terminated-pod-gc-threshold}; 0 or less disables that part. */
    public static final int DEFAULT_TERMINATED_POD_THRESHOLD = 12_500;
    static final Duration QUARANTINE = Duration.ofSeconds(40);
    /** Upstream's gcCheckPeriod. */
    static final Duration PERIOD = Duration.ofSeconds(20);
    static final String KEY = "pods";
    static final String DISRUPTION_REASON = "DeletionByPodGC";
    static final String DISRUPTION_MESSAGE = "PodGC: node no longer exists";

    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<Node> nodes;
    private final PodGcApi api;
    private final Clock clock;
    private final int terminatedPodThreshold;
    private final NodeQuarantine quarantine = new NodeQuarantine(QUARANTINE);

    public PodGcController(ControllerContext context) {
        this(context, DEFAULT_TERMINATED_POD_THRESHOLD);
    }

    public PodGcController(ControllerContext context, int terminatedPodThreshold) {
        this(context.informer(Pod.class), context.informer(Node.class), new ClientPodGcApi(context.client()),
                context.clock(), terminatedPodThreshold, queueOnClock(context.clock()));
    }

    PodGcController(SharedIndexInformer<Pod> pods, SharedIndexInformer<Node> nodes, PodGcApi api, Clock clock,
                    int terminatedPodThreshold, RateLimitingQueue<String> queue) {
        super(NAME, 1, queue);
        this.pods = pods;
        this.nodes = nodes;
        this.api = api;
        this.clock = clock;
        this.terminatedPodThreshold = terminatedPodThreshold;
        nodes.addEventHandler(new NodeGoneOrOutOfService());
        queue.add(KEY);
    }

    /** Quarantines end by the clock, so a test moving the clock moves them too. */
    private static RateLimitingQueue<String> queueOnClock(Clock clock) {
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        return new RateLimitingQueue<>(ticker, RateLimiter.defaults(ticker), true);
    }

    @Override
    protected void sync(String key) {
        List<Pod> all = pods.getStore().list();
        Map<String, Node> nodesByName = nodes.getStore().list().stream()
                .collect(Collectors.toMap(node -> node.getMetadata().getName(), Function.identity()));
        Instant now = clock.instant();
        Pass pass = new Pass();
        if (terminatedPodThreshold > 0) {
            PodGarbage.terminatedOverThreshold(all, terminatedPodThreshold).forEach(pod -> pass.delete(pod, null));
        }
        PodGarbage.terminatingOnOutOfServiceNodes(all, nodesByName).forEach(pod -> pass.delete(pod, null));
        PodCondition nodeGone = new PodConditionBuilder().withType("DisruptionTarget").withStatus("True")
                .withReason(DISRUPTION_REASON).withMessage(DISRUPTION_MESSAGE)
                .withLastTransitionTime(now.truncatedTo(ChronoUnit.SECONDS).toString()).build();
        PodGarbage.boundTo(all, deletedNodes(all, nodesByName.keySet(), now)).forEach(pod -> pass.delete(pod, nodeGone));
        PodGarbage.unscheduledTerminating(all).forEach(pod -> pass.delete(pod, null));
        Duration next = quarantine.untilNextDue(now).filter(wait -> wait.compareTo(PERIOD) < 0).orElse(PERIOD);
        queue.addAfter(KEY, next);
        pass.throwIfFailed();
    }

    /** Nodes pods are bound to that have been missing for the whole quarantine and that the server says are gone. */
    private Set<String> deletedNodes(List<Pod> all, Set<String> cachedNodes, Instant now) {
        Set<String> deleted = new HashSet<>();
        for (String node : quarantine.overdue(PodGarbage.missingNodes(all, cachedNodes), now)) {
            if (!api.nodeExists(node)) {
                deleted.add(node);
            }
        }
        return deleted;
    }

    /** One pass's deletions: each pod at most once, failures counted so the pass is retried. */
    private final class Pass {
        private final Set<String> handled = new HashSet<>();
        private KubernetesClientException lastFailure;
        private int failures;

        void delete(Pod pod, PodCondition condition) {
            if (!handled.add(pod.getMetadata().getUid())) {
                return;
            }
            LOG.info("{}: force-deleting pod {}", NAME, keyOf(pod));
            try {
                api.failAndForceDelete(pod, condition);
            } catch (KubernetesClientException e) {
                failures++;
                lastFailure = e;
            }
        }

        void throwIfFailed() {
            if (lastFailure != null) {
                throw new IllegalStateException(failures + " pod deletions failed, the last: " + lastFailure.getMessage(),
                        lastFailure);
            }
        }
    }

    /** A deleted node, or one declared out of service while not ready, may leave pods to collect. */
    private final class NodeGoneOrOutOfService implements ResourceEventHandler<Node> {
        @Override
        public void onAdd(Node node) {
            onUpdate(null, node);
        }

        @Override
        public void onUpdate(Node oldNode, Node node) {
            if (!PodGarbage.isReady(node) && PodGarbage.hasOutOfServiceTaint(node)) {
                queue.add(KEY);
            }
        }

        @Override
        public void onDelete(Node node, boolean deletedFinalStateUnknown) {
            queue.add(KEY);
        }
    }
}
