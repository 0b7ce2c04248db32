package io.kube4j.scheduler.framework;

import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A pod (anti-)affinity term, pre-compiled: which namespaces (the term's, else the owning pod's; an
 * empty namespaceSelector means all), which pods by label, and the topology key whose value
 * defines "the same place". {@code weight} is 0 for required terms.
 */
public record AffinityTerm(Set<String> namespaces, boolean allNamespaces, Predicate<Map<String, String>> selector,
                           String topologyKey, int weight) {

    public static AffinityTerm of(String ownNamespace, PodAffinityTerm term, int weight) {
        boolean hasNamespaces = term.getNamespaces() != null && !term.getNamespaces().isEmpty();
        boolean allNamespaces = term.getNamespaceSelector() != null
                && (term.getNamespaceSelector().getMatchLabels() == null || term.getNamespaceSelector().getMatchLabels().isEmpty())
                && (term.getNamespaceSelector().getMatchExpressions() == null
                || term.getNamespaceSelector().getMatchExpressions().isEmpty());
        Set<String> namespaces = hasNamespaces ? Set.copyOf(term.getNamespaces())
                : term.getNamespaceSelector() == null ? Set.of(ownNamespace) : Set.of();
        return new AffinityTerm(namespaces, allNamespaces, Selectors.labelSelector(term.getLabelSelector()),
                term.getTopologyKey(), weight);
    }

    public boolean matches(PodInfo pod) {
        return (allNamespaces || namespaces.contains(pod.namespace())) && selector.test(pod.labels());
    }
}
