package io.kube4j.scheduler.framework;

import java.util.List;

/**
 * What a post-filter achieved: on success, the node the pod is nominated to and the pods to evict
 * there; otherwise a status whose message explains why nothing could be done.
 */
public record PostFilterResult(Status status, String nominatedNodeName, List<PodInfo> victims) {
    public static PostFilterResult failed(Status status) {
        return new PostFilterResult(status, null, List.of());
    }

    public static PostFilterResult nominated(String node, List<PodInfo> victims) {
        return new PostFilterResult(Status.SUCCESS, node, List.copyOf(victims));
    }
}
