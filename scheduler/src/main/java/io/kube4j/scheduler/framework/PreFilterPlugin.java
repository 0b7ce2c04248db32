package io.kube4j.scheduler.framework;

/** Computes per-pod state once per cycle (into the {@link CycleState}) and may reject the pod outright. */
public interface PreFilterPlugin extends Plugin {
    PreFilterResult preFilter(CycleState state, PodInfo pod, Snapshot snapshot);

    /**
     * Keeps the pre-filter state right when pods are added to or removed from a node during
     * evaluation (nominated pods, preemption victims); null if the state does not depend on pods.
     */
    default PreFilterExtensions extensions() {
        return null;
    }
}
