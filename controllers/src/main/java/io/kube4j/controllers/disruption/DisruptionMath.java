package io.kube4j.controllers.disruption;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import io.kube4j.controllers.IntOrPercent;

/**
 * A PodDisruptionBudget's numbers, as upstream's disruption controller computes them: with an integer
 * minAvailable the budget expects the pods it selects and wants that many healthy; with a
 * percentage, or with maxUnavailable, it expects the replicas their controllers ask for and wants
 * the percentage of those (rounded up), or all of those but maxUnavailable (rounded up) healthy.
 */
final class DisruptionMath {

    /** expectedPods, desiredHealthy, currentHealthy and disruptionsAllowed of a budget. */
    record Budget(int expectedPods, int desiredHealthy, int currentHealthy, int disruptionsAllowed) {
    }

    private DisruptionMath() {
    }

    /** Whether the expected count comes from the pods' controllers' scale rather than the pods themselves. */
    static boolean needsControllerScale(PodDisruptionBudgetSpec spec) {
        return spec.getMaxUnavailable() != null || spec.getMinAvailable() != null && spec.getMinAvailable().getStrVal() != null;
    }

    /** @param controllerScale the summed replicas of the pods' controllers; used only when {@link #needsControllerScale} */
    static Budget compute(PodDisruptionBudgetSpec spec, int selectedPods, int currentHealthy, int controllerScale) {
        int expected;
        int desired;
        if (spec.getMaxUnavailable() != null) {
            expected = controllerScale;
            desired = Math.max(0, expected - IntOrPercent.scaled(spec.getMaxUnavailable(), expected, true));
        } else if (spec.getMinAvailable() != null && spec.getMinAvailable().getStrVal() == null) {
            expected = selectedPods;
            desired = spec.getMinAvailable().getIntVal();
        } else if (spec.getMinAvailable() != null) {
            expected = controllerScale;
            desired = IntOrPercent.scaled(spec.getMinAvailable(), expected, true);
        } else {
            expected = 0;
            desired = 0;
        }
        return new Budget(expected, desired, currentHealthy, Math.max(0, currentHealthy - desired));
    }
}
