package io.kube4j.scheduler;

import io.kube4j.scheduler.framework.PodInfo;
import java.util.concurrent.CompletableFuture;

/**
 * Every write the scheduler makes to the API, so tests can record them instead. Implementations
 * must not block the caller for long (the scheduling thread calls them); failures of the
 * best-effort writes (events, conditions) are the implementation's to log.
 */
public interface ApiWrites {
    /** POSTs the pod's Binding to the node; completes exceptionally when refused. */
    CompletableFuture<Void> bind(PodInfo pod, String node);

    /**
     * Sets the {@code volume.kubernetes.io/selected-node} annotation of a claim (the node its volume
     * must be on); completes exceptionally when refused.
     */
    CompletableFuture<Void> selectNode(String namespace, String claim, String node);

    /** Sets condition PodScheduled=False (reason Unschedulable or SchedulerError, with the message) and the nominated node ("" clears it, null leaves it). */
    void markUnschedulable(PodInfo pod, String reason, String message, String nominatedNode);

    /** Deletes a preemption victim. */
    void deletePod(PodInfo victim);

    /** Records a core/v1 Event about the pod ({@code Normal}/{@code Warning}). */
    void event(PodInfo pod, String type, String reason, String message);
}
