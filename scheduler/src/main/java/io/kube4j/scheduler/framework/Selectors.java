package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Label selectors (pod affinity, spreading, PDBs) and node selector terms (node affinity), compiled to predicates. */
public final class Selectors {
    private static final Predicate<Map<String, String>> NOTHING = labels -> false;
    private static final Predicate<Map<String, String>> EVERYTHING = labels -> true;

    private Selectors() {
    }

    /**
     * A metav1.LabelSelector: null selects nothing, an empty one everything; requirements are
     * ANDed. An invalid operator is an {@link IllegalArgumentException}.
     */
    public static Predicate<Map<String, String>> labelSelector(LabelSelector selector) {
        if (selector == null) {
            return NOTHING;
        }
        List<Predicate<Map<String, String>>> parts = new ArrayList<>();
        if (selector.getMatchLabels() != null) {
            selector.getMatchLabels().forEach((k, v) -> parts.add(labels -> v.equals(labels.get(k))));
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                parts.add(requirement(r.getKey(), r.getOperator(), r.getValues()));
            }
        }
        return all(parts);
    }

    /** A node selector term: its matchExpressions on labels and matchFields on {@code metadata.name}; an empty term matches nothing. */
    public static boolean matches(NodeSelectorTerm term, NodeInfo node) {
        List<NodeSelectorRequirement> exprs = term.getMatchExpressions() == null ? List.of() : term.getMatchExpressions();
        List<NodeSelectorRequirement> fields = term.getMatchFields() == null ? List.of() : term.getMatchFields();
        if (exprs.isEmpty() && fields.isEmpty()) {
            return false;
        }
        for (NodeSelectorRequirement r : exprs) {
            if (!requirement(r.getKey(), r.getOperator(), r.getValues()).test(node.labels())) {
                return false;
            }
        }
        for (NodeSelectorRequirement r : fields) {
            if (!r.getKey().equals("metadata.name")
                    || !requirement(r.getKey(), r.getOperator(), r.getValues()).test(Map.of("metadata.name", node.name()))) {
                return false;
            }
        }
        return true;
    }

    /** Terms are ORed: the node matches if any term does. */
    public static boolean matchesAny(List<NodeSelectorTerm> terms, NodeInfo node) {
        for (NodeSelectorTerm t : terms) {
            if (matches(t, node)) {
                return true;
            }
        }
        return false;
    }

    static Predicate<Map<String, String>> requirement(String key, String op, List<String> values) {
        List<String> vals = values == null ? List.of() : values;
        return switch (op) {
            case "In" -> labels -> labels.containsKey(key) && vals.contains(labels.get(key));
            case "NotIn" -> labels -> !labels.containsKey(key) || !vals.contains(labels.get(key));
            case "Exists" -> labels -> labels.containsKey(key);
            case "DoesNotExist" -> labels -> !labels.containsKey(key);
            case "Gt", "Lt" -> {
                long bound = Long.parseLong(vals.getFirst());
                yield labels -> {
                    try {
                        long v = Long.parseLong(labels.getOrDefault(key, ""));
                        return op.equals("Gt") ? v > bound : v < bound;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                };
            }
            default -> throw new IllegalArgumentException("\"" + op + "\" is not a valid selector operator");
        };
    }

    private static Predicate<Map<String, String>> all(List<Predicate<Map<String, String>>> parts) {
        if (parts.isEmpty()) {
            return EVERYTHING;
        }
        return labels -> {
            for (Predicate<Map<String, String>> p : parts) {
                if (!p.test(labels)) {
                    return false;
                }
            }
            return true;
        };
    }
}
