package io.kube4j.controllers.disruption;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatus;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatusBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import io.kube4j.controllers.LabelSelectors;
import io.kube4j.controllers.PodStates;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Keeps each PodDisruptionBudget's status current, as upstream's disruption controller: the
 * selected pods' health against the budget ({@link DisruptionMath}), the DisruptionAllowed
 * condition, and the pods recently evicted through the API (status.disruptedPods, which count as
 * unhealthy for two minutes unless they go first). Keys are PDB keys.
 */
public final class DisruptionController extends Controller {
    public static final String NAME = "disruption-controller";
    /** How long an eviction the API granted keeps its pod out of the healthy count. */
    static final Duration DELETION_TIMEOUT = Duration.ofMinutes(2);

    private final ControllerContext context;
    private final SharedIndexInformer<PodDisruptionBudget> budgets;
    private final SharedIndexInformer<Pod> pods;
    private final ControllerScales scales;

    public DisruptionController(ControllerContext context) {
        super(NAME, 2);
        this.context = context;
        this.budgets = context.informer(PodDisruptionBudget.class);
        this.pods = context.informer(Pod.class);
        var rcs = context.informer(ReplicationController.class);
        var replicaSets = context.informer(ReplicaSet.class);
        var deployments = context.informer(Deployment.class);
        var statefulSets = context.informer(StatefulSet.class);
        this.scales = new ControllerScales(rcs, replicaSets, deployments, statefulSets);
        budgets.addEventHandler(enqueueing(pdb -> List.of(keyOf(pdb))));
        pods.addEventHandler(enqueueing(pod -> budgetsIn(pod.getMetadata().getNamespace())
                .filter(pdb -> LabelSelectors.matches(pdb.getSpec().getSelector(), pod.getMetadata().getLabels()))
                .map(Controller::keyOf).toList()));
        // A scale change moves the expected count of budgets over those controllers' pods.
        Stream.of(rcs, replicaSets, deployments, statefulSets).forEach(informer -> informer.addEventHandler(
                enqueueing(obj -> budgetsIn(obj.getMetadata().getNamespace()).map(Controller::keyOf).toList())));
    }

    private Stream<PodDisruptionBudget> budgetsIn(String namespace) {
        return budgets.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream();
    }

    @Override
    protected void sync(String key) {
        PodDisruptionBudget pdb = budgets.getStore().getByKey(key);
        if (pdb == null) {
            return;
        }
        Instant now = context.clock().instant();
        List<Pod> selected = pods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, pdb.getMetadata().getNamespace()).stream()
                .filter(pod -> LabelSelectors.matches(pdb.getSpec().getSelector(), pod.getMetadata().getLabels())).toList();
        if (selected.isEmpty()) {
            context.events().normal(pdb, "NoPods", "No matching pods found");
        }
        Map<String, String> disrupted = stillDisrupted(pdb, selected, now);
        int healthy = (int) selected.stream().filter(pod -> isHealthy(pod, disrupted)).count();
        PodDisruptionBudgetStatus status;
        try {
            int scale = DisruptionMath.needsControllerScale(pdb.getSpec()) ? scales.sum(selected) : 0;
            DisruptionMath.Budget budget = DisruptionMath.compute(pdb.getSpec(), selected.size(), healthy, scale);
            boolean allowed = budget.disruptionsAllowed() > 0;
            status = status(pdb, budget, disrupted, condition(pdb, allowed ? "True" : "False",
                    allowed ? "SufficientPods" : "InsufficientPods", "", now));
        } catch (ControllerScales.ScaleException e) {
            context.events().warning(pdb, "CalculateExpectedPodCountFailed", "Failed to calculate the number of expected pods: "
                    + e.getMessage());
            // Fail safe, as upstream: no disruption is allowed while the budget cannot be computed.
            status = new PodDisruptionBudgetStatusBuilder(pdb.getStatus() == null ? new PodDisruptionBudgetStatus() : pdb.getStatus())
                    .withDisruptionsAllowed(0).withObservedGeneration(pdb.getMetadata().getGeneration())
                    .withConditions(condition(pdb, "False", "SyncFailed", e.getMessage(), now)).build();
        }
        var serialization = context.client().getKubernetesSerialization();
        if (pdb.getStatus() == null || !serialization.asJson(status).equals(serialization.asJson(pdb.getStatus()))) {
            context.client().policy().v1().podDisruptionBudget().inNamespace(pdb.getMetadata().getNamespace())
                    .resource(new PodDisruptionBudgetBuilder(pdb).withStatus(status).build()).updateStatus();
        }
        disrupted.values().stream().map(Instant::parse).min(Instant::compareTo)
                .ifPresent(first -> queue.addAfter(key, Duration.between(now, first.plus(DELETION_TIMEOUT)).plusSeconds(1)));
    }

    private static PodDisruptionBudgetStatus status(PodDisruptionBudget pdb, DisruptionMath.Budget budget,
                                                    Map<String, String> disrupted, Condition condition) {
        return new PodDisruptionBudgetStatusBuilder()
                .withCurrentHealthy(budget.currentHealthy()).withDesiredHealthy(budget.desiredHealthy())
                .withDisruptionsAllowed(budget.disruptionsAllowed()).withExpectedPods(budget.expectedPods())
                .withObservedGeneration(pdb.getMetadata().getGeneration())
                .withDisruptedPods(disrupted.isEmpty() ? null : disrupted)
                .withConditions(condition).build();
    }

    /** The DisruptionAllowed condition, keeping its transition time while its status holds. */
    private static Condition condition(PodDisruptionBudget pdb, String status, String reason, String message, Instant now) {
        Condition previous = pdb.getStatus() == null || pdb.getStatus().getConditions() == null ? null
                : pdb.getStatus().getConditions().stream().filter(c -> "DisruptionAllowed".equals(c.getType())).findFirst().orElse(null);
        String since = previous != null && status.equals(previous.getStatus()) ? previous.getLastTransitionTime()
                : now.truncatedTo(ChronoUnit.SECONDS).toString();
        return new ConditionBuilder().withType("DisruptionAllowed").withStatus(status).withReason(reason).withMessage(message)
                .withObservedGeneration(pdb.getMetadata().getGeneration()).withLastTransitionTime(since).build();
    }

    /** The recorded evictions still pending: their pod is still there, not deleting, and the timeout not over. */
    private static Map<String, String> stillDisrupted(PodDisruptionBudget pdb, List<Pod> selected, Instant now) {
        Map<String, String> recorded = pdb.getStatus() == null || pdb.getStatus().getDisruptedPods() == null
                ? Map.of() : pdb.getStatus().getDisruptedPods();
        Set<String> present = new HashSet<>();
        selected.stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).forEach(p -> present.add(p.getMetadata().getName()));
        Map<String, String> pending = new TreeMap<>();
        recorded.forEach((pod, at) -> {
            if (present.contains(pod) && now.isBefore(Instant.parse(at).plus(DELETION_TIMEOUT))) {
                pending.put(pod, at);
            }
        });
        return pending;
    }

    private static boolean isHealthy(Pod pod, Map<String, String> disrupted) {
        return !PodStates.isTerminating(pod) && !disrupted.containsKey(pod.getMetadata().getName()) && PodStates.isReady(pod);
    }
}
