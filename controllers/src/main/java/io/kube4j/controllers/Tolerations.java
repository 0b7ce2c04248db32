package io.kube4j.controllers;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.Objects;

/** Upstream's ToleratesTaint, which decides both where daemon pods run and which pods a NoExecute taint evicts. */
public final class Tolerations {
    private Tolerations() {
    }

    /** Effect and key must match unless empty (an empty key with Exists matches every taint); the value by operator. */
    public static boolean tolerates(Toleration toleration, Taint taint) {
        if (toleration.getEffect() != null && !toleration.getEffect().isEmpty()
                && !toleration.getEffect().equals(taint.getEffect())) {
            return false;
        }
        if (toleration.getKey() != null && !toleration.getKey().isEmpty() && !toleration.getKey().equals(taint.getKey())) {
            return false;
        }
        String operator = toleration.getOperator() == null || toleration.getOperator().isEmpty() ? "Equal" : toleration.getOperator();
        return switch (operator) {
            case "Exists" -> true;
            case "Equal" -> Objects.equals(emptyIfNull(toleration.getValue()), emptyIfNull(taint.getValue()));
            default -> false;
        };
    }

    private static String emptyIfNull(String s) {
        return s == null ? "" : s;
    }
}
