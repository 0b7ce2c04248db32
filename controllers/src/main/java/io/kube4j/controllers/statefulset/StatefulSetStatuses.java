package io.kube4j.controllers.statefulset;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import java.util.List;

/** The status a StatefulSet reports for its pods (counts by readiness and revision). */
final class StatefulSetStatuses {
    private StatefulSetStatuses() {
    }

    static StatefulSetStatus of(StatefulSet set, List<StatefulSetPlanner.Replica> pods, String currentRevision,
                                String updateRevision, int collisionCount) {
        int replicas = 0;
        int ready = 0;
        int available = 0;
        int current = 0;
        int updated = 0;
        for (StatefulSetPlanner.Replica pod : pods) {
            replicas++;
            if (pod.runningAndReady()) {
                ready++;
                if (pod.available()) {
                    available++;
                }
            }
            if (!pod.terminating()) {
                if (currentRevision.equals(pod.revision())) {
                    current++;
                }
                if (updateRevision.equals(pod.revision())) {
                    updated++;
                }
            }
        }
        StatefulSetStatus status = new StatefulSetStatus();
        status.setObservedGeneration(set.getMetadata().getGeneration());
        status.setReplicas(replicas);
        status.setReadyReplicas(ready);
        status.setAvailableReplicas(available);
        status.setCurrentReplicas(current);
        status.setUpdatedReplicas(updated);
        status.setCurrentRevision(currentRevision);
        status.setUpdateRevision(updateRevision);
        status.setCollisionCount(collisionCount);
        boolean rollingUpdate = !"OnDelete".equals(set.getSpec().getUpdateStrategy() == null ? null
                : set.getSpec().getUpdateStrategy().getType());
        // A finished rolling update makes the update revision the current one.
        if (rollingUpdate && updated == replicas && ready == replicas) {
            status.setCurrentReplicas(updated);
            status.setCurrentRevision(updateRevision);
        }
        if (set.getStatus() != null) {
            status.setConditions(set.getStatus().getConditions());
        }
        return status;
    }
}
