package io.kube4j.scheduler.framework;

import java.util.Set;

/**
 * A scheduling plugin: a name plus the extension-point interfaces it implements (a plugin
 * implements only the points it needs).
 */
public interface Plugin {
    String name();

    /**
     * The cluster events that can make a pod this plugin rejected schedulable again; the queue
     * moves such a pod back to be retried only when one of them happens.
     */
    default Set<ClusterEvent> requeueEvents() {
        return Set.of();
    }
}
