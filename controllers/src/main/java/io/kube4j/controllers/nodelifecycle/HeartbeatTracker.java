package io.kube4j.controllers.nodelifecycle;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When this controller last saw each node show a sign of life: a new Ready heartbeat in its status
 * or a renewed kube-node-lease Lease. As upstream, the time is the controller's own clock at the
 * moment it saw the change, never the node's timestamp, so clock skew between machines does not
 * matter; a node first seen counts as just heard from.
 */
final class HeartbeatTracker {
    private record Seen(String heartbeat, Object leaseRenewal, Instant at) {
    }

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** Records what the node shows now and returns the (local) time of its latest sign of life. */
    Instant observe(Node node, Lease lease, Instant now) {
        NodeCondition ready = NodeConditions.ready(node);
        String heartbeat = ready == null ? null : ready.getLastHeartbeatTime();
        Object renewal = lease == null || lease.getSpec() == null ? null : lease.getSpec().getRenewTime();
        Seen updated = seen.compute(node.getMetadata().getName(), (name, previous) ->
                previous != null && Objects.equals(previous.heartbeat, heartbeat)
                        && Objects.equals(previous.leaseRenewal, renewal)
                        ? previous : new Seen(heartbeat, renewal, now));
        return updated.at;
    }

    void forget(String nodeName) {
        seen.remove(nodeName);
    }
}
