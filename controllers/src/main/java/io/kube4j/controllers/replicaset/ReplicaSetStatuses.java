package io.kube4j.controllers.replicaset;

import static io.kube4j.controllers.ZeroValues.orZero;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.kube4j.controllers.LabelSelectors;
import io.kube4j.controllers.PodStates;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The status a ReplicaSet reports about the active pods it owns, as upstream's calculateStatus. */
final class ReplicaSetStatuses {
    static final String REPLICA_FAILURE = "ReplicaFailure";

    private ReplicaSetStatuses() {
    }

    /**
     * Counts of {@code pods}, and a ReplicaFailure condition while creating or deleting pods fails
     * ({@code manageError}); observedGeneration is left as it was.
     */
    static ReplicaSetStatus calculate(ReplicaSet rs, List<Pod> pods, RuntimeException manageError, Instant now) {
        Map<String, String> templateLabels = rs.getSpec().getTemplate().getMetadata() == null ? Map.of()
                : rs.getSpec().getTemplate().getMetadata().getLabels();
        int minReadySeconds = orZero(rs.getSpec().getMinReadySeconds());
        int fullyLabeled = 0;
        int ready = 0;
        int available = 0;
        for (Pod pod : pods) {
            if (LabelSelectors.containsAll(pod.getMetadata().getLabels(), templateLabels)) {
                fullyLabeled++;
            }
            if (PodStates.isReady(pod)) {
                ready++;
                if (PodStates.isAvailable(pod, minReadySeconds, now)) {
                    available++;
                }
            }
        }
        ReplicaSetStatus old = rs.getStatus() == null ? new ReplicaSetStatus() : rs.getStatus();
        List<ReplicaSetCondition> conditions = old.getConditions() == null ? new ArrayList<>() : new ArrayList<>(old.getConditions());
        boolean failing = conditions.stream().anyMatch(c -> REPLICA_FAILURE.equals(c.getType()));
        if (manageError != null && !failing) {
            int diff = pods.size() - orZero(rs.getSpec().getReplicas());
            String reason = diff < 0 ? "FailedCreate" : diff > 0 ? "FailedDelete" : "";
            conditions.add(new ReplicaSetCondition(now.truncatedTo(ChronoUnit.SECONDS).toString(),
                    manageError.getMessage(), reason, "True", REPLICA_FAILURE));
        } else if (manageError == null && failing) {
            conditions.removeIf(c -> REPLICA_FAILURE.equals(c.getType()));
        }
        return new ReplicaSetStatusBuilder()
                .withReplicas(pods.size())
                .withFullyLabeledReplicas(fullyLabeled)
                .withReadyReplicas(ready)
                .withAvailableReplicas(available)
                .withObservedGeneration(old.getObservedGeneration())
                .withConditions(conditions.isEmpty() ? null : conditions)
                .build();
    }

    /** Whether writing {@code next} would change nothing the API shows. */
    static boolean unchanged(ReplicaSetStatus old, ReplicaSetStatus next) {
        if (old == null) {
            return false;
        }
        List<ReplicaSetCondition> oldConditions = old.getConditions() == null ? List.of() : old.getConditions();
        List<ReplicaSetCondition> nextConditions = next.getConditions() == null ? List.of() : next.getConditions();
        return orZero(old.getReplicas()) == orZero(next.getReplicas())
                && orZero(old.getFullyLabeledReplicas()) == orZero(next.getFullyLabeledReplicas())
                && orZero(old.getReadyReplicas()) == orZero(next.getReadyReplicas())
                && orZero(old.getAvailableReplicas()) == orZero(next.getAvailableReplicas())
                && Objects.equals(old.getObservedGeneration(), next.getObservedGeneration())
                && oldConditions.equals(nextConditions);
    }
}
