package io.kube4j.scheduler.framework;

/** Decides whether the pod can run on one node; called for many nodes, so it must be cheap. */
public interface FilterPlugin extends Plugin {
    Status filter(CycleState state, PodInfo pod, NodeInfo node);
}
