package io.kube4j.controllers.podautoscaler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kube4j.controllers.testing.LiveCluster;
import io.kube4j.controllers.testing.Poll;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** An HPA scales a Deployment through its scale subresource from (fake) pod metrics, and reports why. */
class HorizontalPodAutoscalerEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Metrics a test sets by hand, standing in for metrics.k8s.io. */
    static final class FakeMetrics implements PodMetricsSource {
        final Map<String, PodUsage> usage = new ConcurrentHashMap<>();

        void set(String pod, long cpuMillis) {
            usage.put(pod, new PodUsage(Instant.now(), Duration.ofSeconds(30), cpuMillis, 0));
        }

        @Override
        public Map<String, PodUsage> podUsage(String namespace) {
            return Map.copyOf(usage);
        }
    }

    @Test
    void busyPodsScaleTheDeploymentUp() throws Exception {
        FakeMetrics metrics = new FakeMetrics();
        try (LiveCluster cluster = LiveCluster.start()) {
            KubernetesClient client = cluster.client();
            cluster.run(new HorizontalPodAutoscalerController(cluster.context(), metrics, Duration.ofMillis(200)));
            client.apps().deployments().inNamespace("default").resource(new DeploymentBuilder().withNewMetadata().withName("web")
                    .endMetadata().withNewSpec().withReplicas(2).withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector()
                    .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "web")).endMetadata().withNewSpec()
                    .addNewContainer().withName("c").withImage("nginx").endContainer().endSpec().endTemplate().endSpec().build()).create();
            for (String name : new String[] {"web-a", "web-b"}) {
                runningPod(client, name);
                metrics.set(name, 400);
            }

            client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("default").resource(new HorizontalPodAutoscalerBuilder()
                    .withNewMetadata().withName("web").endMetadata().withNewSpec().withMinReplicas(1).withMaxReplicas(10)
                    .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName("web").endScaleTargetRef()
                    .addNewMetric().withType("Resource").withNewResource().withName("cpu").withNewTarget().withType("Utilization")
                    .withAverageUtilization(50).endTarget().endResource().endMetric().endSpec().build()).create();

            Poll.until(TIMEOUT, "the deployment scaled to 4", () ->
                    client.apps().deployments().inNamespace("default").withName("web").get().getSpec().getReplicas() == 4);
            HorizontalPodAutoscaler hpa = Poll.until(TIMEOUT, "the HPA status", () -> {
                HorizontalPodAutoscaler h = client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("default").withName("web").get();
                return h.getStatus() != null && h.getStatus().getDesiredReplicas() == 4 ? h : null;
            }, Objects::nonNull);
            assertEquals(80, hpa.getStatus().getCurrentMetrics().get(0).getResource().getCurrent().getAverageUtilization());
            assertEquals("ValidMetricFound", condition(hpa, "ScalingActive").getReason());
            assertEquals("True", condition(hpa, "AbleToScale").getStatus());
            Poll.until(TIMEOUT, "a SuccessfulRescale event", () -> client.v1().events().inNamespace("default").list().getItems()
                    .stream().filter(e -> "SuccessfulRescale".equals(e.getReason())).findFirst()
                    .filter(e -> e.getMessage().equals("New size: 4; reason: cpu resource utilization (percentage of request) above target"))
                    .orElse(null), Objects::nonNull);
        }
    }

    private static HorizontalPodAutoscalerCondition condition(HorizontalPodAutoscaler hpa, String type) {
        return hpa.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
    }

    private static void runningPod(KubernetesClient client, String name) {
        String longAgo = Instant.now().minus(Duration.ofMinutes(10)).toString().replaceAll("\\.\\d+Z$", "Z");
        Pod pod = client.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName(name)
                .withLabels(Map.of("app", "web")).endMetadata().withNewSpec().addNewContainer().withName("c").withImage("nginx")
                .withNewResources().withRequests(Map.of("cpu", new Quantity("500m"))).endResources().endContainer().endSpec()
                .build()).create();
        client.pods().inNamespace("default").resource(new PodBuilder(pod).withNewStatus().withPhase("Running").withStartTime(longAgo)
                .addNewCondition().withType("Ready").withStatus("True").withLastTransitionTime(longAgo).endCondition()
                .endStatus().build()).updateStatus();
    }
}
