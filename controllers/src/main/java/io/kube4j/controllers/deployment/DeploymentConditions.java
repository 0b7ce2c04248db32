package io.kube4j.controllers.deployment;

import static io.kube4j.controllers.ZeroValues.orZero;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The Available and Progressing conditions with upstream's reasons, and the tests on a computed
 * status that decide them (complete, progressing, timed out).
 */
final class DeploymentConditions {
    static final String AVAILABLE = "Available";
    static final String PROGRESSING = "Progressing";
    static final String REPLICA_FAILURE = "ReplicaFailure";

    static final String MINIMUM_REPLICAS_AVAILABLE = "MinimumReplicasAvailable";
    static final String MINIMUM_REPLICAS_UNAVAILABLE = "MinimumReplicasUnavailable";
    static final String NEW_RS_CREATED = "NewReplicaSetCreated";
    static final String FOUND_NEW_RS = "FoundNewReplicaSet";
    static final String RS_UPDATED = "ReplicaSetUpdated";
    static final String NEW_RS_AVAILABLE = "NewReplicaSetAvailable";
    static final String TIMED_OUT = "ProgressDeadlineExceeded";
    static final String FAILED_RS_CREATE = "ReplicaSetCreateError";
    static final String PAUSED = "DeploymentPaused";
    static final String RESUMED = "DeploymentResumed";

    /** progressDeadlineSeconds of MaxInt32 means "no deadline", as upstream. */
    private static final int NO_DEADLINE = Integer.MAX_VALUE;

    private DeploymentConditions() {
    }

    static DeploymentCondition create(String type, String status, String reason, String message, Instant now) {
        String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
        return new DeploymentCondition(time, time, message, reason, status, type);
    }

    static DeploymentCondition get(DeploymentStatus status, String type) {
        if (status == null || status.getConditions() == null) {
            return null;
        }
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    /**
     * Sets a condition: nothing changes when one of the same status and reason is there; the
     * transition time is kept when only the reason changes.
     */
    static void set(DeploymentStatus status, DeploymentCondition condition) {
        DeploymentCondition current = get(status, condition.getType());
        if (current != null && current.getStatus().equals(condition.getStatus())
                && current.getReason().equals(condition.getReason())) {
            return;
        }
        if (current != null && current.getStatus().equals(condition.getStatus())) {
            condition.setLastTransitionTime(current.getLastTransitionTime());
        }
        List<DeploymentCondition> conditions = withoutType(status, condition.getType());
        conditions.add(condition);
        status.setConditions(conditions);
    }

    static void remove(DeploymentStatus status, String type) {
        status.setConditions(withoutType(status, type));
    }

    static boolean hasProgressDeadline(Deployment d) {
        Integer deadline = d.getSpec().getProgressDeadlineSeconds();
        return deadline != null && deadline != NO_DEADLINE;
    }

    /** Every replica updated and available, and the latest spec observed. */
    static boolean complete(Deployment d, DeploymentStatus status) {
        int replicas = RollingMath.replicas(d);
        return orZero(status.getUpdatedReplicas()) == replicas && orZero(status.getReplicas()) == replicas
                && orZero(status.getAvailableReplicas()) == replicas
                && orZero(status.getObservedGeneration()) >= orZero(d.getMetadata().getGeneration());
    }

    /** More updated, ready or available pods, or fewer old ones, than the deployment last reported. */
    static boolean progressing(Deployment d, DeploymentStatus status) {
        DeploymentStatus old = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        int oldOld = orZero(old.getReplicas()) - orZero(old.getUpdatedReplicas());
        int newOld = orZero(status.getReplicas()) - orZero(status.getUpdatedReplicas());
        return orZero(status.getUpdatedReplicas()) > orZero(old.getUpdatedReplicas()) || newOld < oldOld
                || orZero(status.getReadyReplicas()) > orZero(old.getReadyReplicas())
                || orZero(status.getAvailableReplicas()) > orZero(old.getAvailableReplicas());
    }

    /** No progress for progressDeadlineSeconds since the Progressing condition was last updated. */
    static boolean timedOut(Deployment d, DeploymentStatus status, Instant now) {
        if (!hasProgressDeadline(d)) {
            return false;
        }
        DeploymentCondition condition = get(status, PROGRESSING);
        if (condition == null || NEW_RS_AVAILABLE.equals(condition.getReason())) {
            return false;
        }
        if (TIMED_OUT.equals(condition.getReason())) {
            return true;
        }
        Instant from = Instant.parse(condition.getLastUpdateTime());
        return from.plus(Duration.ofSeconds(d.getSpec().getProgressDeadlineSeconds())).isBefore(now);
    }

    private static List<DeploymentCondition> withoutType(DeploymentStatus status, String type) {
        List<DeploymentCondition> conditions = new ArrayList<>();
        if (status.getConditions() != null) {
            status.getConditions().stream().filter(c -> !type.equals(c.getType())).forEach(conditions::add);
        }
        return conditions;
    }
}
