package io.kube4j.scheduler.framework;

import java.util.Map;

/** Runs when no node passed the filters, e.g. to make room by preemption. */
public interface PostFilterPlugin extends Plugin {
    PostFilterResult postFilter(CycleState state, PodInfo pod, Snapshot snapshot, Map<String, Status> nodeStatuses,
                                Framework framework);
}
