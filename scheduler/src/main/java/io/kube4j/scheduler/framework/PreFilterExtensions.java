package io.kube4j.scheduler.framework;

/** Incremental updates of a plugin's pre-filter state for "what if this pod were (not) on that node". */
public interface PreFilterExtensions {
    void addPod(CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node);

    void removePod(CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node);

    /** Adjusts a plugin's pre-filter counts for a pod added (+1) to or removed (-1) from a node. */
    @FunctionalInterface
    interface CountUpdate {
        void apply(CycleState state, PodInfo podToSchedule, PodInfo other, NodeInfo node, int delta);
    }

    /** Extensions that add or remove a pod by one counting function, as the counting plugins do. */
    static PreFilterExtensions counting(CountUpdate update) {
        return new PreFilterExtensions() {
            @Override
            public void addPod(CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node) {
                update.apply(state, podToSchedule, podToAdd, node, 1);
            }

            @Override
            public void removePod(CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node) {
                update.apply(state, podToSchedule, podToRemove, node, -1);
            }
        };
    }
}
