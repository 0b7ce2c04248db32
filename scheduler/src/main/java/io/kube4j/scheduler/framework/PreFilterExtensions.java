package io.kube4j.scheduler.framework;

/** Incremental updates of a plugin's pre-filter state for "what if this pod were (not) on that node". */
public interface PreFilterExtensions {
    void addPod(CycleState state, PodInfo podToSchedule, PodInfo podToAdd, NodeInfo node);

    void removePod(CycleState state, PodInfo podToSchedule, PodInfo podToRemove, NodeInfo node);
}
