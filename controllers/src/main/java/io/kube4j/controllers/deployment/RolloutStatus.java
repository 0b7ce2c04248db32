package io.kube4j.controllers.deployment;

import static io.kube4j.controllers.ZeroValues.orZero;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The deployment status {@code kubectl rollout status} reads: replica counts summed over the
 * ReplicaSets, Available (minimum availability) and Progressing (created, updated, complete,
 * timed out, paused) conditions, and a look again when the progress deadline may pass.
 */
final class RolloutStatus {
    private final RolloutEnv env;

    RolloutStatus(RolloutEnv env) {
        this.env = env;
    }

    DeploymentStatus calculate(List<ReplicaSet> allRSs, ReplicaSet newRS, Deployment d) {
        int available = ReplicaSetLists.availableReplicas(allRSs);
        int unavailable = Math.max(0, ReplicaSetLists.specReplicas(allRSs) - available);
        DeploymentStatus old = NewReplicaSets.status(d);
        DeploymentStatus status = new DeploymentStatus();
        status.setObservedGeneration(d.getMetadata().getGeneration());
        status.setReplicas(ReplicaSetLists.statusReplicas(allRSs));
        status.setUpdatedReplicas(ReplicaSetLists.statusReplicas(ReplicaSetLists.with(List.of(), newRS)));
        status.setReadyReplicas(ReplicaSetLists.readyReplicas(allRSs));
        status.setAvailableReplicas(available);
        status.setUnavailableReplicas(unavailable);
        status.setCollisionCount(old.getCollisionCount());
        status.setConditions(old.getConditions() == null ? new ArrayList<>() : new ArrayList<>(old.getConditions()));
        if (available >= RollingMath.replicas(d) - RollingMath.maxUnavailable(d)) {
            DeploymentConditions.set(status, DeploymentConditions.create(DeploymentConditions.AVAILABLE, "True",
                    DeploymentConditions.MINIMUM_REPLICAS_AVAILABLE, "Deployment has minimum availability.", env.now()));
        } else {
            DeploymentConditions.set(status, DeploymentConditions.create(DeploymentConditions.AVAILABLE, "False",
                    DeploymentConditions.MINIMUM_REPLICAS_UNAVAILABLE, "Deployment does not have minimum availability.", env.now()));
        }
        return status;
    }

    /** Status without rollout progress (paused, scaling, being deleted). */
    void syncStatus(List<ReplicaSet> allRSs, ReplicaSet newRS, Deployment d) {
        DeploymentStatus status = calculate(allRSs, newRS, d);
        if (!same(status, d.getStatus())) {
            d.setStatus(status);
            env.updateStatus(d);
        }
    }

    /** Status with the Progressing condition of a rollout, and ReplicaFailure mirrored from the new ReplicaSet. */
    void syncRolloutStatus(List<ReplicaSet> allRSs, ReplicaSet newRS, Deployment d) {
        DeploymentStatus status = calculate(allRSs, newRS, d);
        if (!DeploymentConditions.hasProgressDeadline(d)) {
            DeploymentConditions.remove(status, DeploymentConditions.PROGRESSING);
        }
        DeploymentCondition current = DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING);
        boolean alreadyComplete = Objects.equals(status.getReplicas(), status.getUpdatedReplicas()) && current != null
                && DeploymentConditions.NEW_RS_AVAILABLE.equals(current.getReason());
        if (DeploymentConditions.hasProgressDeadline(d) && !alreadyComplete) {
            updateProgressing(status, current, newRS, d);
        }
        mirrorReplicaFailure(status, allRSs);
        if (same(status, d.getStatus())) {
            requeueIfStuck(d, status);
            return;
        }
        d.setStatus(status);
        env.updateStatus(d);
    }

    private void updateProgressing(DeploymentStatus status, DeploymentCondition current, ReplicaSet newRS, Deployment d) {
        Instant now = env.now();
        String subject = newRS != null ? "ReplicaSet \"" + newRS.getMetadata().getName() + "\""
                : "Deployment \"" + d.getMetadata().getName() + "\"";
        if (DeploymentConditions.complete(d, status)) {
            DeploymentConditions.set(status, DeploymentConditions.create(DeploymentConditions.PROGRESSING, "True",
                    DeploymentConditions.NEW_RS_AVAILABLE, subject + " has successfully progressed.", now));
        } else if (DeploymentConditions.progressing(d, status)) {
            DeploymentCondition condition = DeploymentConditions.create(DeploymentConditions.PROGRESSING, "True",
                    DeploymentConditions.RS_UPDATED, subject + " is progressing.", now);
            if (current != null) {
                // Progress refreshes lastUpdateTime (which the deadline counts from) even with the same reason.
                if ("True".equals(current.getStatus())) {
                    condition.setLastTransitionTime(current.getLastTransitionTime());
                }
                DeploymentConditions.remove(status, DeploymentConditions.PROGRESSING);
            }
            DeploymentConditions.set(status, condition);
        } else if (DeploymentConditions.timedOut(d, status, now)) {
            DeploymentConditions.set(status, DeploymentConditions.create(DeploymentConditions.PROGRESSING, "False",
                    DeploymentConditions.TIMED_OUT, subject + " has timed out progressing.", now));
        }
    }

    private void mirrorReplicaFailure(DeploymentStatus status, List<ReplicaSet> allRSs) {
        ReplicaSetCondition failure = allRSs.stream()
                .filter(rs -> rs != null && rs.getStatus() != null && rs.getStatus().getConditions() != null)
                .flatMap(rs -> rs.getStatus().getConditions().stream())
                .filter(c -> DeploymentConditions.REPLICA_FAILURE.equals(c.getType()))
                .findFirst().orElse(null);
        if (failure != null) {
            DeploymentConditions.set(status, new DeploymentCondition(failure.getLastTransitionTime(),
                    failure.getLastTransitionTime(), failure.getMessage(), failure.getReason(), failure.getStatus(),
                    DeploymentConditions.REPLICA_FAILURE));
        } else {
            DeploymentConditions.remove(status, DeploymentConditions.REPLICA_FAILURE);
        }
    }

    /** Nothing changed: look again when the progress deadline would pass, to report the timeout. */
    private void requeueIfStuck(Deployment d, DeploymentStatus status) {
        DeploymentCondition current = DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING);
        if (!DeploymentConditions.hasProgressDeadline(d) || current == null || DeploymentConditions.complete(d, status)
                || DeploymentConditions.TIMED_OUT.equals(current.getReason())) {
            return;
        }
        Instant deadline = Instant.parse(current.getLastUpdateTime()).plusSeconds(d.getSpec().getProgressDeadlineSeconds());
        Duration after = Duration.between(env.now(), deadline);
        env.requeueAfter().accept(d, after.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ZERO : after.plusSeconds(1));
    }

    /** Equal as the API shows them: absent counts are 0. */
    static boolean same(DeploymentStatus a, DeploymentStatus b) {
        if (b == null) {
            return false;
        }
        List<DeploymentCondition> ca = a.getConditions() == null ? List.of() : a.getConditions();
        List<DeploymentCondition> cb = b.getConditions() == null ? List.of() : b.getConditions();
        return orZero(a.getObservedGeneration()) == orZero(b.getObservedGeneration())
                && orZero(a.getReplicas()) == orZero(b.getReplicas())
                && orZero(a.getUpdatedReplicas()) == orZero(b.getUpdatedReplicas())
                && orZero(a.getReadyReplicas()) == orZero(b.getReadyReplicas())
                && orZero(a.getAvailableReplicas()) == orZero(b.getAvailableReplicas())
                && orZero(a.getUnavailableReplicas()) == orZero(b.getUnavailableReplicas())
                && Objects.equals(a.getCollisionCount(), b.getCollisionCount())
                && ca.equals(cb);
    }

    /** Paused deployments report it, so that a long pause is not mistaken for a stuck rollout on resume. */
    void checkPausedCondition(Deployment d) {
        if (!DeploymentConditions.hasProgressDeadline(d)) {
            return;
        }
        DeploymentCondition current = DeploymentConditions.get(d.getStatus(), DeploymentConditions.PROGRESSING);
        if (current != null && DeploymentConditions.TIMED_OUT.equals(current.getReason())) {
            return;
        }
        boolean pausedReported = current != null && DeploymentConditions.PAUSED.equals(current.getReason());
        boolean paused = Boolean.TRUE.equals(d.getSpec().getPaused());
        if (paused && !pausedReported) {
            DeploymentConditions.set(NewReplicaSets.status(d), DeploymentConditions.create(DeploymentConditions.PROGRESSING,
                    "Unknown", DeploymentConditions.PAUSED, "Deployment is paused", env.now()));
        } else if (!paused && pausedReported) {
            DeploymentConditions.set(NewReplicaSets.status(d), DeploymentConditions.create(DeploymentConditions.PROGRESSING,
                    "Unknown", DeploymentConditions.RESUMED, "Deployment is resumed", env.now()));
        } else {
            return;
        }
        env.updateStatus(d);
    }
}

