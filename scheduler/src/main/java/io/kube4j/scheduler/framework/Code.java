package io.kube4j.scheduler.framework;

/** The outcome of a plugin call, and what the queue does with a pod it rejected. */
public enum Code {
    /** The pod passed this plugin. */
    SUCCESS,
    /**
     * The pod does not fit now but could after a relevant cluster event or by preempting pods on
     * the node; it waits in the unschedulable pods until such an event.
     */
    UNSCHEDULABLE,
    /**
     * The pod does not fit and preempting pods on this node would not help (e.g. an untolerated
     * taint); it is retried after a relevant cluster event.
     */
    UNSCHEDULABLE_AND_UNRESOLVABLE,
    /** Something went wrong (not a verdict about the pod); the pod is retried after its backoff. */
    ERROR,
    /** The plugin has nothing to say about this pod (its later extension points are skipped). */
    SKIP
}
