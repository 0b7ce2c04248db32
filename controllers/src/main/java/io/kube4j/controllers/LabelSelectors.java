package io.kube4j.controllers;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code metav1.LabelSelector} matching as upstream's {@code LabelSelectorAsSelector}: a null
 * selector selects nothing, an empty one everything (as for workload controllers, PodDisruptionBudgets
 * and claims' volume selectors); matchLabels and matchExpressions are ANDed. Also the equality-based
 * map selectors of Services, ReplicationControllers and nodeSelector ({@link #containsAll}).
 */
public final class LabelSelectors {
    private LabelSelectors() {
    }

    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> have = labels == null ? Map.of() : labels;
        Map<String, String> matchLabels = selector.getMatchLabels();
        if (matchLabels != null) {
            for (Map.Entry<String, String> e : matchLabels.entrySet()) {
                if (!e.getValue().equals(have.get(e.getKey()))) {
                    return false;
                }
            }
        }
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
        if (expressions != null) {
            for (LabelSelectorRequirement r : expressions) {
                if (!matches(r, have)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code labels} carry every label of {@code required} (a map selector; a null one requires nothing). */
    public static boolean containsAll(Map<String, String> labels, Map<String, String> required) {
        Map<String, String> have = labels == null ? Map.of() : labels;
        return required == null || required.entrySet().stream()
                .allMatch(e -> e.getValue().equals(have.get(e.getKey())));
    }

    /** A copy of {@code selector} that also requires {@code key=value}. */
    public static LabelSelector withLabel(LabelSelector selector, String key, String value) {
        Map<String, String> matchLabels = new HashMap<>();
        if (selector.getMatchLabels() != null) {
            matchLabels.putAll(selector.getMatchLabels());
        }
        matchLabels.put(key, value);
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions() == null ? null
                : selector.getMatchExpressions().stream().map(r -> new LabelSelectorRequirement(r.getKey(), r.getOperator(),
                        r.getValues() == null ? null : List.copyOf(r.getValues()))).toList();
        return new LabelSelector(expressions, matchLabels);
    }

    private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
        String value = labels.get(r.getKey());
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        return switch (r.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> labels.containsKey(r.getKey());
            case "DoesNotExist" -> !labels.containsKey(r.getKey());
            default -> throw new IllegalArgumentException("\"" + r.getOperator() + "\" is not a valid label selector operator");
        };
    }
}
