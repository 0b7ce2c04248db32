package io.kube4j.apiserver.registry;

/** What an update writes, which decides the hooks it goes through. */
public enum UpdateTarget {
    /** The object itself: the kind's update hooks run; the status is kept as it was. */
    MAIN,
    /** The status subresource: only the status changes. */
    STATUS,
    /**
     * A subresource with rules of its own (pods/binding, namespaces/finalize): only the generic
     * metadata rules run, not the kind's update validation.
     */
    SUBRESOURCE
}
