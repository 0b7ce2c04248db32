package io.kube4j.controllers.podautoscaler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehaviorBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScaleBehaviorTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final ScaleBehavior behavior = new ScaleBehavior();

    @Test
    void scaleDownWaitsForTheFiveMinuteStabilizationWindow() {
        assertEquals(10, behavior.normalize("hpa", null, 1, 20, 10, 10, T0).replicas());
        ScaleBehavior.Decision early = behavior.normalize("hpa", null, 1, 20, 10, 5, T0.plusSeconds(60));
        assertEquals(10, early.replicas(), "the recommendation of 10 a minute ago still holds");
        assertTrue(early.stabilized());
        assertEquals("ScaleDownStabilized", early.stabilizeReason());

        ScaleBehavior.Decision later = behavior.normalize("hpa", null, 1, 20, 10, 5, T0.plusSeconds(301));
        assertEquals(5, later.replicas(), "only recommendations of 5 are left in the window");
        assertEquals("DesiredWithinRange", later.limitReason());
    }

    @Test
    void aCustomWindowReplacesTheDefault() {
        var noWindow = new HorizontalPodAutoscalerBehaviorBuilder().withNewScaleDown().withStabilizationWindowSeconds(0)
                .endScaleDown().build();
        behavior.normalize("hpa", noWindow, 1, 20, 10, 10, T0);
        assertEquals(5, behavior.normalize("hpa", noWindow, 1, 20, 10, 5, T0.plusSeconds(1)).replicas());
    }

    @Test
    void scaleUpIsLimitedToFourPodsOrDoublingPerFifteenSeconds() {
        ScaleBehavior.Decision up = behavior.normalize("hpa", null, 1, 100, 2, 20, T0);
        assertEquals(6, up.replicas(), "max(2 + 4, 2 × 2)");
        assertTrue(up.limited());
        assertEquals("ScaleUpLimit", up.limitReason());
        behavior.recordScale("hpa", 2, 6, T0);

        assertEquals(6, behavior.normalize("hpa", null, 1, 100, 6, 20, T0.plusSeconds(5)).replicas(),
                "within the period the rate counts from the 2 replicas it started with");
        assertEquals(12, behavior.normalize("hpa", null, 1, 100, 6, 20, T0.plusSeconds(16)).replicas(), "a new period: 6 × 2");
    }

    @Test
    void maxReplicasCapsTheRecommendation() {
        ScaleBehavior.Decision capped = behavior.normalize("hpa", null, 1, 10, 8, 20, T0);
        assertEquals(10, capped.replicas());
        assertEquals("TooManyReplicas", capped.limitReason());
        ScaleBehavior.Decision steady = behavior.normalize("other", null, 1, 10, 8, 8, T0);
        assertFalse(steady.limited());
        assertEquals("ReadyForNewScale", steady.stabilizeReason());
    }
}
