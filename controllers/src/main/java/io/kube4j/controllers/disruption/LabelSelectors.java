package io.kube4j.controllers.disruption;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/** Matches labels against a metav1 LabelSelector (matchLabels and matchExpressions, all ANDed). */
public final class LabelSelectors {
    private LabelSelectors() {
    }

    /**
     * Whether {@code selector} selects {@code labels}. A null selector selects nothing, an empty one
     * everything (as for PodDisruptionBudgets in policy/v1 and claims' volume selectors).
     */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> actual = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null && !actual.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
        return expressions.stream().allMatch(e -> matches(e, actual));
    }

    private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        return switch (requirement.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> labels.containsKey(requirement.getKey());
            case "DoesNotExist" -> !labels.containsKey(requirement.getKey());
            default -> throw new IllegalArgumentException("\"" + requirement.getOperator() + "\" is not a valid label selector operator");
        };
    }
}
