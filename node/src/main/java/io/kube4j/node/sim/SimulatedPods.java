package io.kube4j.node.sim;

/** The pod annotations that steer what a simulated node does with a pod. */
public final class SimulatedPods {
    /** Seconds (decimals allowed) a Never/OnFailure pod runs before its containers exit; default 1. */
    public static final String RUN_SECONDS = "kube4j.io/sim-run-seconds";
    /** The exit code of a run-to-completion pod's containers; nonzero makes the pod Failed. Default 0. */
    public static final String EXIT_CODE = "kube4j.io/sim-exit-code";
    /** The pod's simulated cpu usage, a quantity such as {@code 250m}; default 0. */
    public static final String CPU_USAGE = "kube4j.io/sim-cpu-usage";
    /** The pod's simulated memory usage, a quantity such as {@code 64Mi}; default 0. */
    public static final String MEMORY_USAGE = "kube4j.io/sim-memory-usage";

    private SimulatedPods() {
    }
}
