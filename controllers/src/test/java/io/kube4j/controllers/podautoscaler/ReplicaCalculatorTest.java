package io.kube4j.controllers.podautoscaler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaCalculatorTest {
    private static final Instant NOW = Instant.parse("2026-01-01T01:00:00Z");
    private final ReplicaCalculator calculator = new ReplicaCalculator(ReplicaCalculator.DEFAULT_TOLERANCE);

    /** A pod running for 10 minutes, ready all along, requesting 500m CPU. */
    static Pod pod(String name, String phase) {
        String longAgo = NOW.minus(Duration.ofMinutes(10)).toString();
        return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec().addNewContainer().withName("c")
                .withNewResources().withRequests(Map.of("cpu", new Quantity("500m"))).endResources().endContainer().endSpec()
                .withNewStatus().withPhase(phase).withStartTime(longAgo).addNewCondition().withType("Ready").withStatus("True")
                .withLastTransitionTime(longAgo).endCondition().endStatus().build();
    }

    static Map<String, PodMetricsSource.PodUsage> usage(Object... nameAndMillis) {
        Map<String, PodMetricsSource.PodUsage> usage = new HashMap<>();
        for (int i = 0; i < nameAndMillis.length; i += 2) {
            usage.put((String) nameAndMillis[i], new PodMetricsSource.PodUsage(NOW, Duration.ofSeconds(30), (Integer) nameAndMillis[i + 1], 0));
        }
        return usage;
    }

    private ReplicaCalculator.Result calculate(int current, int target, List<Pod> pods, Map<String, PodMetricsSource.PodUsage> usage)
            throws Exception {
        return calculator.replicas(current, target, "cpu", pods, usage, NOW);
    }

    @Test
    void desiredIsCurrentTimesUtilizationOverTargetRoundedUp() throws Exception {
        var result = calculate(2, 50, List.of(pod("a", "Running"), pod("b", "Running")), usage("a", 400, "b", 400));
        assertEquals(4, result.replicas(), "ceil(2 × 80% / 50%)");
        assertEquals(80, result.utilization());
        assertEquals(400, result.averageUsage());

        assertEquals(1, calculate(2, 50, List.of(pod("a", "Running"), pod("b", "Running")), usage("a", 100, "b", 100)).replicas(),
                "ceil(2 × 20% / 50%)");
    }

    @Test
    void aChangeWithinTheTenPercentToleranceIsNone() throws Exception {
        assertEquals(2, calculate(2, 50, List.of(pod("a", "Running"), pod("b", "Running")), usage("a", 270, "b", 270)).replicas(),
                "54% against 50% is within 10%");
        assertEquals(3, calculate(2, 50, List.of(pod("a", "Running"), pod("b", "Running")), usage("a", 280, "b", 280)).replicas(),
                "56% is beyond it: ceil(2 × 1.12)");
    }

    @Test
    void missingPodsCountAsFullyBusyOnAScaleDown() throws Exception {
        List<Pod> pods = List.of(pod("a", "Running"), pod("b", "Running"), pod("c", "Running"));
        assertEquals(3, calculate(3, 50, pods, usage("a", 100, "b", 100)).replicas(),
                "(20% + 20% + 100%) / 3 against 50% is within tolerance");
    }

    @Test
    void unreadyPodsCountAsIdleOnAScaleUp() throws Exception {
        List<Pod> pods = List.of(pod("a", "Running"), pod("b", "Running"), pod("pending", "Pending"));
        var result = calculate(3, 50, pods, usage("a", 500, "b", 500));
        assertEquals(4, result.replicas(), "(100% + 100% + 0%) / 3 = 66% → ceil(3 × 66/50)");
        assertEquals(100, result.utilization(), "the reported utilization is that of the ready pods");
    }

    @Test
    void podsWithoutRequestsOrMetricsAreErrors() {
        Pod noRequest = new PodBuilder(pod("a", "Running")).editSpec().editFirstContainer().withNewResources().endResources()
                .endContainer().endSpec().build();
        var missingRequest = assertThrows(ReplicaCalculator.MetricException.class,
                () -> calculate(1, 50, List.of(noRequest), usage("a", 100)));
        assertEquals("missing request for cpu in container c of Pod a", missingRequest.getMessage());
        assertEquals("no pods returned by selector while calculating replica count",
                assertThrows(ReplicaCalculator.MetricException.class, () -> calculate(1, 50, List.of(), usage())).getMessage());
        assertEquals("did not receive metrics for targeted pods (pods might be unready)",
                assertThrows(ReplicaCalculator.MetricException.class, () -> calculate(1, 50, List.of(pod("a", "Running")), usage()))
                        .getMessage());
    }
}
