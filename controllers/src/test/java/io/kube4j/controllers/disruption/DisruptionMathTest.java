package io.kube4j.controllers.disruption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpecBuilder;
import org.junit.jupiter.api.Test;

class DisruptionMathTest {

    private static PodDisruptionBudgetSpec minAvailable(IntOrString value) {
        return new PodDisruptionBudgetSpecBuilder().withMinAvailable(value).build();
    }

    private static PodDisruptionBudgetSpec maxUnavailable(IntOrString value) {
        return new PodDisruptionBudgetSpecBuilder().withMaxUnavailable(value).build();
    }

    @Test
    void integerMinAvailableCountsTheSelectedPods() {
        PodDisruptionBudgetSpec spec = minAvailable(new IntOrString(2));
        assertFalse(DisruptionMath.needsControllerScale(spec));
        assertEquals(new DisruptionMath.Budget(3, 2, 3, 1), DisruptionMath.compute(spec, 3, 3, 0));
        assertEquals(new DisruptionMath.Budget(3, 2, 1, 0), DisruptionMath.compute(spec, 3, 1, 0), "never negative");
    }

    @Test
    void percentagesAndMaxUnavailableUseTheControllersScaleRoundingUp() {
        PodDisruptionBudgetSpec half = minAvailable(new IntOrString("50%"));
        assertTrue(DisruptionMath.needsControllerScale(half));
        assertEquals(new DisruptionMath.Budget(5, 3, 5, 2), DisruptionMath.compute(half, 5, 5, 5), "50% of 5 rounds up to 3");

        assertEquals(new DisruptionMath.Budget(10, 9, 10, 1), DisruptionMath.compute(maxUnavailable(new IntOrString(1)), 10, 10, 10));
        assertEquals(new DisruptionMath.Budget(10, 7, 9, 2),
                DisruptionMath.compute(maxUnavailable(new IntOrString("25%")), 10, 9, 10), "25% of 10 unavailable rounds up to 3");
        assertEquals(new DisruptionMath.Budget(4, 4, 3, 0),
                DisruptionMath.compute(maxUnavailable(new IntOrString("0%")), 3, 3, 4), "expects the scale, not the pods there");
        assertEquals(new DisruptionMath.Budget(2, 0, 2, 2), DisruptionMath.compute(maxUnavailable(new IntOrString(5)), 2, 2, 2));
    }
}
