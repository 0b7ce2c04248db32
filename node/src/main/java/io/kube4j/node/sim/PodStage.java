package io.kube4j.node.sim;

/** How far a simulated pod got. */
enum PodStage {
    /** Bound to the node, nothing reported yet. */
    NEW,
    /** ContainerCreating reported. */
    CREATING,
    /** Running with an address. */
    RUNNING,
    /** Containers exited (the pod finished, or was stopped for its deletion). */
    TERMINATED
}
