package io.kube4j.controllers.podgc;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

/** What the pod garbage collector asks of the API server beyond its caches (a recording fake in tests). */
interface PodGcApi {
    /** Whether the node exists, asked of the server itself: the cache may lag behind. */
    boolean nodeExists(String name);

    /**
     * Marks {@code pod} Failed unless it already finished, adding {@code condition} when not null
     * (a pod on a vanished node would otherwise stay Running forever), then deletes it with a grace
     * period of 0. A pod already gone, or replaced by one of the same name, is left alone.
     */
    void failAndForceDelete(Pod pod, PodCondition condition);
}
