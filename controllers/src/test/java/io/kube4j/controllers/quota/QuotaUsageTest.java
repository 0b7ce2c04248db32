package io.kube4j.controllers.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaUsageTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static Pod pod(String name, String phase, String cpu, String memory, String cpuLimit) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
                .addNewContainer().withName("a").withNewResources()
                .withRequests(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)))
                .withLimits(Map.of("cpu", new Quantity(cpuLimit))).endResources().endContainer()
                .endSpec().withNewStatus().withPhase(phase).endStatus().build();
    }

    private static PersistentVolumeClaim claim(String className, String size) {
        return new PersistentVolumeClaimBuilder().withNewSpec().withStorageClassName(className)
                .withNewResources().withRequests(Map.of("storage", new Quantity(size))).endResources().endSpec().build();
    }

    @Test
    void runningPodsRequestsAndLimitsAreSummed() {
        Pod withInit = new PodBuilder(pod("b", "Pending", "250m", "64Mi", "1"))
                .editSpec().addNewInitContainer().withName("init").withNewResources()
                .withRequests(Map.of("cpu", new Quantity("2"))).endResources().endInitContainer()
                .withOverhead(Map.of("memory", new Quantity("64Mi"))).endSpec().build();
        List<Pod> pods = List.of(pod("a", "Running", "500m", "128Mi", "1"), withInit, pod("done", "Succeeded", "4", "1Gi", "4"));
        var inventory = new QuotaUsage.Inventory(pods, List.of(), List.of(), Map.of("pods", 3));

        Map<String, String> used = QuotaUsage.compute(List.of("pods", "count/pods", "requests.cpu", "cpu", "requests.memory",
                "limits.cpu", "limits.memory"), inventory, NOW);

        assertEquals("2", used.get("pods"), "finished pods do not count");
        assertEquals("2", used.get("count/pods"));
        assertEquals("2500m", used.get("requests.cpu"), "the init container's 2 CPUs outweigh the 250m container");
        assertEquals("2500m", used.get("cpu"));
        assertEquals("256Mi", used.get("requests.memory"), "overhead is added");
        assertEquals("2", used.get("limits.cpu"));
        assertEquals("0", used.get("limits.memory"));
    }

    @Test
    void objectsServicesAndStorageAreCounted() {
        Service nodePort = new ServiceBuilder().withNewSpec().withType("NodePort").addNewPort().withPort(80).endPort()
                .addNewPort().withPort(443).endPort().endSpec().build();
        Service balancer = new ServiceBuilder().withNewSpec().withType("LoadBalancer").addNewPort().withPort(80).endPort().endSpec().build();
        Service plain = new ServiceBuilder().withNewSpec().withType("ClusterIP").addNewPort().withPort(80).endPort().endSpec().build();
        var inventory = new QuotaUsage.Inventory(List.of(), List.of(nodePort, balancer, plain),
                List.of(claim("fast", "1Gi"), claim("fast", "512Mi"), claim("slow", "10Gi")),
                Map.of("configmaps", 4, "secrets", 2, "deployments.apps", 1));

        Map<String, String> used = QuotaUsage.compute(List.of("services", "services.nodeports", "services.loadbalancers",
                "persistentvolumeclaims", "requests.storage", "fast.storageclass.storage.k8s.io/requests.storage",
                "fast.storageclass.storage.k8s.io/persistentvolumeclaims", "configmaps", "count/secrets",
                "count/deployments.apps", "count/widgets.example.com"), inventory, NOW);

        assertEquals("3", used.get("services"));
        assertEquals("3", used.get("services.nodeports"));
        assertEquals("1", used.get("services.loadbalancers"));
        assertEquals("3", used.get("persistentvolumeclaims"));
        assertEquals("11776Mi", used.get("requests.storage"));
        assertEquals("1536Mi", used.get("fast.storageclass.storage.k8s.io/requests.storage"));
        assertEquals("2", used.get("fast.storageclass.storage.k8s.io/persistentvolumeclaims"));
        assertEquals("4", used.get("configmaps"));
        assertEquals("2", used.get("count/secrets"));
        assertEquals("1", used.get("count/deployments.apps"));
        assertEquals(null, used.get("count/widgets.example.com"), "resources this controller does not count are left out");
    }

    @Test
    void sumsAreWrittenCanonically() {
        assertEquals("1536Mi", Quantities.format(new BigDecimal("1610612736"), true));
        assertEquals("500m", Quantities.format(new BigDecimal("0.5"), false));
        assertEquals("2", Quantities.format(new BigDecimal("2.000"), false));
        assertEquals("1500M", Quantities.format(new BigDecimal("1500000000"), false));
        assertEquals("1000", Quantities.format(new BigDecimal("1000"), true));
        assertEquals("0", Quantities.format(BigDecimal.ZERO, true));
    }
}
