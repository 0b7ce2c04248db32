package io.kube4j.controllers.podautoscaler;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Reads PodMetrics from the {@code metrics.k8s.io/v1beta1} API through the client. */
public final class MetricsApiSource implements PodMetricsSource {
    private static final Duration DEFAULT_WINDOW = Duration.ofSeconds(30);

    private final KubernetesClient client;

    public MetricsApiSource(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Map<String, PodUsage> podUsage(String namespace) throws MetricsUnavailableException {
        try {
            Map<String, PodUsage> usage = new HashMap<>();
            for (PodMetrics metrics : client.top().pods().inNamespace(namespace).metrics().getItems()) {
                long cpu = 0;
                long memory = 0;
                for (ContainerMetrics container : metrics.getContainers()) {
                    cpu += amount(container.getUsage().get("cpu")).movePointRight(3).longValue();
                    memory += amount(container.getUsage().get("memory")).longValue();
                }
                Instant at = metrics.getTimestamp() == null ? Instant.now() : Instant.parse(metrics.getTimestamp());
                Duration window = metrics.getWindow() == null ? DEFAULT_WINDOW : metrics.getWindow().getDuration();
                usage.put(metrics.getMetadata().getName(), new PodUsage(at, window, cpu, memory));
            }
            return usage;
        } catch (KubernetesClientException e) {
            throw new MetricsUnavailableException("unable to fetch metrics from resource metrics API: " + e.getMessage(), e);
        }
    }

    private static BigDecimal amount(Quantity q) {
        return q == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(q);
    }
}
