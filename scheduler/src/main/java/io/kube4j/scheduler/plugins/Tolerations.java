package io.kube4j.scheduler.plugins;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;

/** Toleration matching as upstream's ToleratesTaint. */
final class Tolerations {
    private Tolerations() {
    }

    /** Whether {@code t} tolerates {@code taint}: same effect (or any), same key (or any with Exists), equal value unless Exists. */
    static boolean tolerates(Toleration t, Taint taint) {
        if (t.getEffect() != null && !t.getEffect().isEmpty() && !t.getEffect().equals(taint.getEffect())) {
            return false;
        }
        if (t.getKey() != null && !t.getKey().isEmpty() && !t.getKey().equals(taint.getKey())) {
            return false;
        }
        String op = t.getOperator() == null || t.getOperator().isEmpty() ? "Equal" : t.getOperator();
        return switch (op) {
            case "Exists" -> true;
            case "Equal" -> nullToEmpty(t.getValue()).equals(nullToEmpty(taint.getValue()));
            default -> false;
        };
    }

    static boolean anyTolerates(List<Toleration> tolerations, Taint taint) {
        if (tolerations != null) {
            for (Toleration t : tolerations) {
                if (tolerates(t, taint)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first NoSchedule/NoExecute taint none of {@code tolerations} tolerates, or null. */
    static Taint firstUntolerated(List<Taint> taints, List<Toleration> tolerations) {
        if (taints.isEmpty()) {
            return null;
        }
        for (Taint taint : taints) {
            boolean hard = "NoSchedule".equals(taint.getEffect()) || "NoExecute".equals(taint.getEffect());
            if (hard && !anyTolerates(tolerations, taint)) {
                return taint;
            }
        }
        return null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
