package io.kube4j.controllers.podautoscaler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kube4j.controllers.Controller;
import io.kube4j.controllers.ControllerContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * autoscaling/v2 HorizontalPodAutoscalers, as upstream's horizontal-pod-autoscaler controller:
 * every sync period each HPA reads its target's scale subresource and its pods' usage
 * ({@link PodMetricsSource}), proposes replicas per Resource metric ({@link ReplicaCalculator};
 * CPU at 80 % when none is given), takes the largest, stabilizes and rate-limits it
 * ({@link ScaleBehavior}), writes the scale, and reports conditions, metrics and events. Keys are HPA keys.
 */
public final class HorizontalPodAutoscalerController extends Controller {
    public static final String NAME = "horizontal-pod-autoscaler-controller";
    public static final Duration DEFAULT_SYNC_PERIOD = Duration.ofSeconds(15);
    private static final MetricSpec DEFAULT_METRIC = new MetricSpecBuilder().withType("Resource").withNewResource()
            .withName("cpu").withNewTarget().withType("Utilization").withAverageUtilization(80).endTarget().endResource().build();

    private final ControllerContext context;
    private final PodMetricsSource metricsSource;
    private final Duration syncPeriod;
    private final SharedIndexInformer<HorizontalPodAutoscaler> autoscalers;
    private final ReplicaCalculator calculator = new ReplicaCalculator(ReplicaCalculator.DEFAULT_TOLERANCE);
    private final ScaleBehavior behavior = new ScaleBehavior();

    public HorizontalPodAutoscalerController(ControllerContext context, PodMetricsSource metricsSource, Duration syncPeriod) {
        super(NAME, 2);
        this.context = context;
        this.metricsSource = metricsSource;
        this.syncPeriod = syncPeriod;
        this.autoscalers = context.informer(HorizontalPodAutoscaler.class);
        autoscalers.addEventHandler(enqueueing(hpa -> List.of(keyOf(hpa))));
    }

    public HorizontalPodAutoscalerController(ControllerContext context) {
        this(context, new MetricsApiSource(context.client()), DEFAULT_SYNC_PERIOD);
    }

    @Override
    protected void sync(String key) {
        HorizontalPodAutoscaler hpa = autoscalers.getStore().getByKey(key);
        if (hpa == null) {
            behavior.forget(key);
            return;
        }
        try {
            reconcile(key, hpa);
        } finally {
            queue.addAfter(key, syncPeriod);
        }
    }

    private void reconcile(String key, HorizontalPodAutoscaler hpa) {
        Instant now = context.clock().instant();
        HpaConditions conditions = new HpaConditions(hpa, now);
        String ns = hpa.getMetadata().getNamespace();
        Resource<?> target = target(ns, hpa.getSpec().getScaleTargetRef());
        Scale scale;
        try {
            scale = target.scale();
        } catch (KubernetesClientException e) {
            context.events().warning(hpa, "FailedGetScale", e.getMessage());
            conditions.set("AbleToScale", "False", "FailedGetScale",
                    "the HPA controller was unable to get the target's current scale: " + e.getMessage());
            writeStatus(hpa, hpa.getStatus() == null ? null : hpa.getStatus().getCurrentReplicas(), conditions, null, null);
            return;
        }
        conditions.set("AbleToScale", "True", "SucceededGetScale", "the HPA controller was able to get the target's current scale");
        int current = scale.getSpec().getReplicas() == null ? 0 : scale.getSpec().getReplicas();
        int min = hpa.getSpec().getMinReplicas() == null ? 1 : hpa.getSpec().getMinReplicas();
        int max = hpa.getSpec().getMaxReplicas();
        int desired;
        String reason = "";
        List<MetricStatus> metricStatuses = List.of();
        if (current == 0 && min != 0) {
            conditions.set("ScalingActive", "False", "ScalingDisabled", "scaling is disabled since the replica count of the target is zero");
            desired = 0;
        } else if (current > max || current < min) {
            desired = current > max ? max : min;
            reason = current > max ? "Current number of replicas above Spec.MaxReplicas" : "Current number of replicas below Spec.MinReplicas";
        } else {
            MetricProposal proposal = propose(hpa, scale, current, conditions, now);
            if (proposal == null) {
                writeStatus(hpa, current, conditions, null, null);
                return;
            }
            metricStatuses = proposal.statuses;
            reason = proposal.replicas > current ? proposal.metricName + " above target"
                    : proposal.replicas < current ? "All metrics below target" : "";
            ScaleBehavior.Decision decision = behavior.normalize(key, hpa.getSpec().getBehavior(), min, max, current, proposal.replicas, now);
            conditions.set("AbleToScale", "True", decision.stabilizeReason(), decision.stabilizeMessage());
            conditions.set("ScalingLimited", decision.limited() ? "True" : "False", decision.limitReason(), decision.limitMessage());
            desired = decision.replicas();
        }
        String lastScaleTime = hpa.getStatus() == null ? null : hpa.getStatus().getLastScaleTime();
        if (desired != current) {
            try {
                target.scale(new ScaleBuilder(scale).editSpec().withReplicas(desired).endSpec().build());
            } catch (KubernetesClientException e) {
                context.events().warning(hpa, "FailedRescale", "New size: " + desired + "; reason: " + reason + "; error: " + e.getMessage());
                conditions.set("AbleToScale", "False", "FailedUpdateScale",
                        "the HPA controller was unable to update the target scale: " + e.getMessage());
                writeStatus(hpa, current, conditions, metricStatuses, null);
                throw e;
            }
            conditions.set("AbleToScale", "True", "SucceededRescale", "the HPA controller was able to update the target scale to " + desired);
            context.events().normal(hpa, "SuccessfulRescale", "New size: " + desired + "; reason: " + reason);
            behavior.recordScale(key, current, desired, now);
            lastScaleTime = now.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        write(hpa, status(hpa, conditions, current, metricStatuses, desired, lastScaleTime));
    }

    /** The largest proposal over the HPA's metrics, or null (conditions and events set) when none could be computed. */
    private MetricProposal propose(HorizontalPodAutoscaler hpa, Scale scale, int current, HpaConditions conditions, Instant now) {
        List<MetricSpec> specs = hpa.getSpec().getMetrics() == null || hpa.getSpec().getMetrics().isEmpty()
                ? List.of(DEFAULT_METRIC) : hpa.getSpec().getMetrics();
        String ns = hpa.getMetadata().getNamespace();
        MetricProposal best = null;
        List<MetricStatus> statuses = new ArrayList<>();
        String firstError = null;
        int invalid = 0;
        for (MetricSpec spec : specs) {
            try {
                String resource = resourceOf(spec);
                List<Pod> pods = context.client().pods().inNamespace(ns).withLabelSelector(scale.getStatus().getSelector()).list().getItems();
                Map<String, PodMetricsSource.PodUsage> usage;
                try {
                    usage = metricsSource.podUsage(ns);
                } catch (PodMetricsSource.MetricsUnavailableException e) {
                    throw new ReplicaCalculator.MetricException("failed to get " + resource + " utilization: unable to get metrics for resource "
                            + resource + ": " + e.getMessage());
                }
                ReplicaCalculator.Result result = calculator.replicas(current, spec.getResource().getTarget().getAverageUtilization(),
                        resource, pods, usage, now);
                statuses.add(new MetricStatusBuilder().withType("Resource").withNewResource().withName(resource).withNewCurrent()
                        .withAverageUtilization(result.utilization()).withAverageValue(new Quantity(result.averageUsage() + "m"))
                        .endCurrent().endResource().build());
                String metricName = resource + " resource utilization (percentage of request)";
                if (best == null || result.replicas() > best.replicas) {
                    best = new MetricProposal(result.replicas(), metricName, statuses);
                }
            } catch (ReplicaCalculator.MetricException e) {
                invalid++;
                firstError = firstError == null ? e.getMessage() : firstError;
                context.events().warning(hpa, "FailedGetResourceMetric", e.getMessage());
                conditions.set("ScalingActive", "False", "FailedGetResourceMetric", "the HPA was unable to compute the replica count: "
                        + e.getMessage());
            }
        }
        if (best == null) {
            context.events().warning(hpa, "FailedComputeMetricsReplicas", "invalid metrics (" + invalid + " invalid out of "
                    + specs.size() + "), first error is: failed to get cpu resource metric value: " + firstError);
            return null;
        }
        conditions.set("ScalingActive", "True", "ValidMetricFound",
                "the HPA was able to successfully calculate a replica count from " + best.metricName);
        return new MetricProposal(best.replicas, best.metricName, statuses);
    }

    private record MetricProposal(int replicas, String metricName, List<MetricStatus> statuses) {
    }

    /** The resource a metric measures; only Resource metrics with a Utilization target are computed. */
    private static String resourceOf(MetricSpec spec) throws ReplicaCalculator.MetricException {
        if (!"Resource".equals(spec.getType()) || spec.getResource() == null) {
            throw new ReplicaCalculator.MetricException("unsupported metric source type \"" + spec.getType() + "\"");
        }
        var target = spec.getResource().getTarget();
        if (target == null || !"Utilization".equals(target.getType()) || target.getAverageUtilization() == null) {
            throw new ReplicaCalculator.MetricException("unsupported target type for resource " + spec.getResource().getName()
                    + ": only Utilization is computed");
        }
        return spec.getResource().getName();
    }

    private Resource<?> target(String ns, CrossVersionObjectReference ref) {
        var client = context.client();
        return switch (ref.getKind()) {
            case "Deployment" -> client.apps().deployments().inNamespace(ns).withName(ref.getName());
            case "ReplicaSet" -> client.apps().replicaSets().inNamespace(ns).withName(ref.getName());
            case "StatefulSet" -> client.apps().statefulSets().inNamespace(ns).withName(ref.getName());
            case "ReplicationController" -> client.replicationControllers().inNamespace(ns).withName(ref.getName());
            default -> client.genericKubernetesResources(ref.getApiVersion(), ref.getKind()).inNamespace(ns).withName(ref.getName());
        };
    }

    private void writeStatus(HorizontalPodAutoscaler hpa, Integer current, HpaConditions conditions, List<MetricStatus> metrics,
                             String lastScaleTime) {
        HorizontalPodAutoscalerStatus old = hpa.getStatus();
        write(hpa, status(hpa, conditions, current == null ? 0 : current, metrics,
                old == null || old.getDesiredReplicas() == null ? 0 : old.getDesiredReplicas(),
                lastScaleTime != null ? lastScaleTime : old == null ? null : old.getLastScaleTime()));
    }

    private static HorizontalPodAutoscalerStatus status(HorizontalPodAutoscaler hpa, HpaConditions conditions, int current,
                                                        List<MetricStatus> metrics, int desired, String lastScaleTime) {
        return new HorizontalPodAutoscalerStatusBuilder().withConditions(conditions.list()).withCurrentReplicas(current)
                .withCurrentMetrics(metrics == null || metrics.isEmpty() ? null : metrics).withDesiredReplicas(desired)
                .withLastScaleTime(lastScaleTime).withObservedGeneration(hpa.getMetadata().getGeneration()).build();
    }

    private void write(HorizontalPodAutoscaler hpa, HorizontalPodAutoscalerStatus status) {
        var serialization = context.client().getKubernetesSerialization();
        if (hpa.getStatus() != null && serialization.asJson(status).equals(serialization.asJson(hpa.getStatus()))) {
            return;
        }
        context.client().autoscaling().v2().horizontalPodAutoscalers().inNamespace(hpa.getMetadata().getNamespace())
                .resource(new HorizontalPodAutoscalerBuilder(hpa).withStatus(status).build()).updateStatus();
    }
}
