package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A pod (anti-)affinity term, pre-compiled: which namespaces (the union of the term's
 * {@code namespaces} and those whose labels its namespaceSelector matches; the owning pod's when
 * the term has neither; all when the selector is empty), which pods by label, and the topology key
 * whose value defines "the same place". {@code weight} is 0 for required terms.
 * {@code namespaceSelector} is null when the term has none (or an empty one, which {@code allNamespaces} covers).
 */
public record AffinityTerm(Set<String> namespaces, boolean allNamespaces,
                           Predicate<Map<String, String>> namespaceSelector, Predicate<Map<String, String>> selector,
                           String topologyKey, int weight) {

    public static AffinityTerm of(String ownNamespace, PodAffinityTerm term, int weight) {
        boolean hasNamespaces = term.getNamespaces() != null && !term.getNamespaces().isEmpty();
        LabelSelector nsSelector = term.getNamespaceSelector();
        boolean allNamespaces = nsSelector != null && isEmpty(nsSelector);
        Set<String> namespaces = hasNamespaces ? Set.copyOf(term.getNamespaces())
                : nsSelector == null ? Set.of(ownNamespace) : Set.of();
        Predicate<Map<String, String>> namespaceSelector =
                nsSelector == null || allNamespaces ? null : Selectors.labelSelector(nsSelector);
        return new AffinityTerm(namespaces, allNamespaces, namespaceSelector,
                Selectors.labelSelector(term.getLabelSelector()), term.getTopologyKey(), weight);
    }

    private static boolean isEmpty(LabelSelector s) {
        return (s.getMatchLabels() == null || s.getMatchLabels().isEmpty())
                && (s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty());
    }

    /** Whether the pod is one this term selects; {@code namespaceLabels} resolves its namespace's labels for the namespaceSelector. */
    public boolean matches(PodInfo pod, NamespaceLabels namespaceLabels) {
        return appliesTo(pod.namespace(), namespaceLabels) && selector.test(pod.labels());
    }

    private boolean appliesTo(String namespace, NamespaceLabels namespaceLabels) {
        return allNamespaces || namespaces.contains(namespace)
                || namespaceSelector != null && namespaceSelector.test(namespaceLabels.of(namespace));
    }
}
