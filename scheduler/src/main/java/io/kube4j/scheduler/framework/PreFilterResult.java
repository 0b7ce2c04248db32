package io.kube4j.scheduler.framework;

import java.util.HashSet;
import java.util.Set;

/**
 * A pre-filter's verdict, and optionally the only nodes worth filtering (null: all nodes), e.g.
 * the nodes named by a DaemonSet pod's {@code metadata.name} node affinity.
 */
public record PreFilterResult(Status status, Set<String> nodeNames) {
    public static PreFilterResult of(Status status) {
        return new PreFilterResult(status, null);
    }

    public static PreFilterResult success() {
        return new PreFilterResult(Status.SUCCESS, null);
    }

    public boolean allNodes() {
        return nodeNames == null;
    }

    /** The intersection of two results' node sets (null stands for all nodes). */
    public static Set<String> merge(Set<String> a, Set<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }
}
