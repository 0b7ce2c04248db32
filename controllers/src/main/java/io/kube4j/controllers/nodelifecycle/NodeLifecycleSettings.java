package io.kube4j.controllers.nodelifecycle;

import java.time.Duration;

/**
 * The node lifecycle controller's timing, as kube-controller-manager's flags.
 *
 * @param monitorGracePeriod how long a node may go without a heartbeat (status or Lease) before its
 *                           Ready condition becomes Unknown ({@code --node-monitor-grace-period})
 * @param startupGracePeriod the same for a node that never reported a Ready condition
 * @param monitorPeriod      how often each node's health is checked ({@code --node-monitor-period})
 */
public record NodeLifecycleSettings(Duration monitorGracePeriod, Duration startupGracePeriod, Duration monitorPeriod) {

    public static NodeLifecycleSettings defaults() {
        return new NodeLifecycleSettings(Duration.ofSeconds(40), Duration.ofSeconds(60), Duration.ofSeconds(5));
    }
}
