package io.kube4j.scheduler.framework;

import java.util.List;

/**
 * Prepares scoring state once per cycle from the feasible nodes; returning {@link Status#skip()}
 * skips the plugin's Score for this pod.
 */
public interface PreScorePlugin extends Plugin {
    Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasibleNodes, Snapshot snapshot);
}
