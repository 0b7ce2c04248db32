package io.kube4j.node.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A running simulated pod's resource usage, as metrics-server would report it: read from the pod's
 * {@link SimulatedPods#CPU_USAGE} and {@link SimulatedPods#MEMORY_USAGE} annotations, 0 when absent.
 *
 * @param cpuMillis   cpu in millicores
 * @param memoryBytes memory working set in bytes
 * @param timestamp   when the usage was sampled
 */
public record PodUsage(long cpuMillis, long memoryBytes, Instant timestamp) {

    static PodUsage of(Pod pod, Instant now) {
        return new PodUsage(
                amount(PodPlan.annotation(pod, SimulatedPods.CPU_USAGE)).movePointRight(3).longValue(),
                amount(PodPlan.annotation(pod, SimulatedPods.MEMORY_USAGE)).longValue(),
                now);
    }

    /** The quantity's value in base units (cores, bytes); 0 when absent or not a quantity. */
    private static BigDecimal amount(String quantity) {
        if (quantity == null || quantity.isBlank()) {
            return BigDecimal.ZERO;
        }
        try {
            return Quantity.getAmountInBytes(new Quantity(quantity.strip()));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return BigDecimal.ZERO;
        }
    }
}
