package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** An amount of the resources the scheduler accounts for: cpu in millicores, memory and ephemeral storage in bytes. */
public record Resource(long milliCpu, long memory, long ephemeralStorage) {
    public static final Resource ZERO = new Resource(0, 0, 0);

    /** The cpu, memory and ephemeral-storage entries of a Kubernetes resource list (others are ignored). */
    public static Resource of(Map<String, Quantity> list) {
        if (list == null || list.isEmpty()) {
            return ZERO;
        }
        return new Resource(milli(list.get("cpu")), value(list.get("memory")), value(list.get("ephemeral-storage")));
    }

    public Resource plus(Resource o) {
        return new Resource(milliCpu + o.milliCpu, memory + o.memory, ephemeralStorage + o.ephemeralStorage);
    }

    public Resource minus(Resource o) {
        return new Resource(milliCpu - o.milliCpu, memory - o.memory, ephemeralStorage - o.ephemeralStorage);
    }

    /** Each resource's larger amount. */
    public Resource max(Resource o) {
        return new Resource(Math.max(milliCpu, o.milliCpu), Math.max(memory, o.memory),
                Math.max(ephemeralStorage, o.ephemeralStorage));
    }

    /** A quantity in thousandths, rounded up like Kubernetes' MilliValue (0 when absent). */
    public static long milli(Quantity q) {
        return q == null ? 0 : amount(q).movePointRight(3).setScale(0, RoundingMode.CEILING).longValue();
    }

    /** A quantity rounded up to a whole number like Kubernetes' Value (0 when absent). */
    public static long value(Quantity q) {
        return q == null ? 0 : amount(q).setScale(0, RoundingMode.CEILING).longValue();
    }

    private static BigDecimal amount(Quantity q) {
        try {
            return q.getNumericalAmount();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("quantities must match the regular expression "
                    + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': " + q, e);
        }
    }
}
