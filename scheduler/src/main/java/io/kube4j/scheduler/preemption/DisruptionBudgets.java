package io.kube4j.scheduler.preemption;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.kube4j.scheduler.framework.PodInfo;
import io.kube4j.scheduler.framework.Selectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which victims evicting would break a PodDisruptionBudget: each budget allows
 * status.disruptionsAllowed evictions of the pods it selects (already-disrupted pods excepted);
 * pods beyond that violate it. Preemption prefers to spare those, but may still evict them.
 */
final class DisruptionBudgets {
    private record Budget(String namespace, Predicate<Map<String, String>> selector, int allowed,
                          Map<String, String> disrupted) {
    }

    private final List<Budget> budgets = new ArrayList<>();

    DisruptionBudgets(List<PodDisruptionBudget> pdbs) {
        for (PodDisruptionBudget pdb : pdbs) {
            var selector = pdb.getSpec() == null ? null : pdb.getSpec().getSelector();
            boolean empty = selector == null || (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                    && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
            if (empty) {
                continue;
            }
            int allowed = pdb.getStatus() == null || pdb.getStatus().getDisruptionsAllowed() == null ? 0
                    : pdb.getStatus().getDisruptionsAllowed();
            Map<String, String> disrupted = pdb.getStatus() == null || pdb.getStatus().getDisruptedPods() == null
                    ? Map.of() : pdb.getStatus().getDisruptedPods();
            budgets.add(new Budget(pdb.getMetadata().getNamespace(), Selectors.labelSelector(selector), allowed, disrupted));
        }
    }

    /** Splits {@code pods} (in order) into those whose eviction would violate a budget and those whose would not. */
    List<List<PodInfo>> split(List<PodInfo> pods) {
        int[] left = new int[budgets.size()];
        for (int i = 0; i < left.length; i++) {
            left[i] = budgets.get(i).allowed;
        }
        List<PodInfo> violating = new ArrayList<>();
        List<PodInfo> fine = new ArrayList<>();
        for (PodInfo pod : pods) {
            boolean violates = false;
            for (int i = 0; i < left.length; i++) {
                Budget b = budgets.get(i);
                if (b.namespace.equals(pod.namespace()) && b.selector.test(pod.labels())
                        && !b.disrupted.containsKey(pod.name())) {
                    left[i]--;
                    violates |= left[i] < 0;
                }
            }
            (violates ? violating : fine).add(pod);
        }
        return List.of(violating, fine);
    }
}
