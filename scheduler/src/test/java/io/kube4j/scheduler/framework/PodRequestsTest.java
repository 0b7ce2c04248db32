package io.kube4j.scheduler.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PodRequestsTest {
    private static Container container(String cpu, String memory) {
        return new ContainerBuilder().withName("c").withNewResources()
                .withRequests(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory))).endResources().build();
    }

    @Test
    void sumsContainersAndTakesTheLargestInitContainerAndAddsOverhead() {
        PodSpec spec = new PodSpecBuilder()
                .withContainers(container("250m", "64Mi"), container("250m", "64Mi"))
                .withInitContainers(container("1", "32Mi"), container("100m", "1Gi"))
                .withOverhead(Map.of("cpu", new Quantity("10m"), "memory", new Quantity("1Mi")))
                .build();
        Resource r = PodRequests.of(spec);
        assertEquals(1010, r.milliCpu());
        assertEquals(1024L * 1024 * 1024 + 1024 * 1024, r.memory());
    }

    @Test
    void sidecarInitContainersRunAlongsideTheApp() {
        Container sidecar = new ContainerBuilder(container("200m", "10Mi")).withRestartPolicy("Always").build();
        PodSpec spec = new PodSpecBuilder()
                .withInitContainers(sidecar, container("500m", "10Mi"))
                .withContainers(container("100m", "10Mi"))
                .build();
        // Sidecar (200m) + app (100m) = 300m; the later init container needs 500m + the sidecar's 200m.
        assertEquals(700, PodRequests.of(spec).milliCpu());
    }

    @Test
    void aMissingRequestDefaultsToTheLimitAndScoringAssumesDefaults() {
        Container limited = new ContainerBuilder().withName("c").withNewResources()
                .withLimits(Map.of("cpu", new Quantity("2"))).endResources().build();
        Container empty = new ContainerBuilder().withName("d").build();
        PodSpec spec = new PodSpecBuilder().withContainers(limited, empty).build();
        assertEquals(2000, PodRequests.of(spec).milliCpu());
        assertEquals(0, PodRequests.of(spec).memory());
        Resource nonZero = PodRequests.nonZero(spec);
        assertEquals(2100, nonZero.milliCpu());
        assertEquals(2 * PodRequests.DEFAULT_MEMORY, nonZero.memory());
    }
}
