package io.kube4j.controllers.deployment;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.kube4j.controllers.PodStates;
import java.util.List;
import java.util.Map;

/**
 * The two strategies. RollingUpdate grows the new ReplicaSet up to replicas+maxSurge pods in
 * total and shrinks old ones while at least replicas-maxUnavailable pods stay available; Recreate
 * scales every old ReplicaSet to 0, waits for their pods to stop, then scales the new one up.
 * Each step returns after changing something; the resulting ReplicaSet updates bring the next.
 */
final class Rollouts {
    private final NewReplicaSets newReplicaSets;
    private final Scaling scaling;
    private final RolloutStatus status;

    Rollouts(NewReplicaSets newReplicaSets, Scaling scaling, RolloutStatus status) {
        this.newReplicaSets = newReplicaSets;
        this.scaling = scaling;
        this.status = status;
    }

    void rolling(Deployment d, List<ReplicaSet> rsList) {
        NewReplicaSets.Split split = newReplicaSets.split(d, rsList, true);
        ReplicaSet newRS = split.newRS();
        List<ReplicaSet> allRSs = split.all();
        if (reconcileNew(allRSs, newRS, d) || reconcileOld(allRSs, ReplicaSetLists.active(split.oldRSs()), newRS, d)) {
            status.syncRolloutStatus(allRSs, newRS, d);
            return;
        }
        if (DeploymentConditions.complete(d, NewReplicaSets.status(d))) {
            scaling.cleanup(d, split.oldRSs());
        }
        status.syncRolloutStatus(allRSs, newRS, d);
    }

    /** Scales the new ReplicaSet towards spec.replicas as far as the surge allows; true if it changed. */
    boolean reconcileNew(List<ReplicaSet> allRSs, ReplicaSet newRS, Deployment d) {
        int replicas = RollingMath.replicas(d);
        int current = ReplicaSetLists.specReplicas(newRS);
        if (current == replicas) {
            return false;
        }
        if (current > replicas) {
            return scaling.scaleAndRecord(newRS, replicas, d);
        }
        return scaling.scaleAndRecord(newRS, RollingMath.newReplicaSetReplicas(d, allRSs, newRS), d);
    }

    /**
     * Scales old ReplicaSets down as far as availability allows: first their unhealthy pods (which
     * cost no availability), then available ones down to replicas-maxUnavailable; true if any changed.
     */
    boolean reconcileOld(List<ReplicaSet> allRSs, List<ReplicaSet> oldRSs, ReplicaSet newRS, Deployment d) {
        if (ReplicaSetLists.specReplicas(oldRSs) == 0) {
            return false;
        }
        int minAvailable = RollingMath.replicas(d) - RollingMath.maxUnavailable(d);
        int newUnavailable = ReplicaSetLists.specReplicas(newRS) - ReplicaSetLists.availableReplicas(newRS);
        int maxScaledDown = ReplicaSetLists.specReplicas(allRSs) - minAvailable - newUnavailable;
        if (maxScaledDown <= 0) {
            return false;
        }
        int cleaned = scaleDownUnhealthy(oldRSs, d, maxScaledDown);
        int scaledDown = scaleDownAvailable(ReplicaSetLists.with(oldRSs, newRS), oldRSs, d);
        return cleaned + scaledDown > 0;
    }

    private int scaleDownUnhealthy(List<ReplicaSet> oldRSs, Deployment d, int maxCleanup) {
        int total = 0;
        for (ReplicaSet rs : ReplicaSetLists.sorted(oldRSs, ReplicaSetLists.BY_CREATION)) {
            if (total >= maxCleanup) {
                break;
            }
            int replicas = ReplicaSetLists.specReplicas(rs);
            int unhealthy = replicas - ReplicaSetLists.availableReplicas(rs);
            if (replicas == 0 || unhealthy <= 0) {
                continue;
            }
            int count = Math.min(maxCleanup - total, unhealthy);
            scaling.scaleAndRecord(rs, replicas - count, d);
            total += count;
        }
        return total;
    }

    private int scaleDownAvailable(List<ReplicaSet> allRSs, List<ReplicaSet> oldRSs, Deployment d) {
        int minAvailable = RollingMath.replicas(d) - RollingMath.maxUnavailable(d);
        int available = ReplicaSetLists.availableReplicas(allRSs);
        if (available <= minAvailable) {
            return 0;
        }
        int toScaleDown = available - minAvailable;
        int total = 0;
        for (ReplicaSet rs : ReplicaSetLists.sorted(oldRSs, ReplicaSetLists.BY_CREATION)) {
            if (total >= toScaleDown) {
                break;
            }
            int replicas = ReplicaSetLists.specReplicas(rs);
            if (replicas == 0) {
                continue;
            }
            int count = Math.min(replicas, toScaleDown - total);
            scaling.scaleAndRecord(rs, replicas - count, d);
            total += count;
        }
        return total;
    }

    /** {@code podsByReplicaSet}: the deployment's pods keyed by the uid of the ReplicaSet controlling them. */
    void recreate(Deployment d, List<ReplicaSet> rsList, Map<String, List<Pod>> podsByReplicaSet) {
        NewReplicaSets.Split split = newReplicaSets.split(d, rsList, false);
        boolean scaledDown = false;
        for (ReplicaSet old : ReplicaSetLists.active(split.oldRSs())) {
            scaledDown |= scaling.scaleAndRecord(old, 0, d);
        }
        if (scaledDown || oldPodsRunning(split, podsByReplicaSet)) {
            status.syncRolloutStatus(split.all(), split.newRS(), d);
            return;
        }
        if (split.newRS() == null) {
            split = newReplicaSets.split(d, rsList, true);
        }
        scaling.scaleAndRecord(split.newRS(), RollingMath.replicas(d), d);
        if (DeploymentConditions.complete(d, NewReplicaSets.status(d))) {
            scaling.cleanup(d, split.oldRSs());
        }
        status.syncRolloutStatus(split.all(), split.newRS(), d);
    }

    /** Old ReplicaSets still report pods, or pods of theirs have not finished (Unknown counts as running). */
    private static boolean oldPodsRunning(NewReplicaSets.Split split, Map<String, List<Pod>> podsByReplicaSet) {
        if (ReplicaSetLists.statusReplicas(split.oldRSs()) > 0) {
            return true;
        }
        String newUid = split.newRS() == null ? null : split.newRS().getMetadata().getUid();
        return podsByReplicaSet.entrySet().stream()
                .filter(e -> !e.getKey().equals(newUid))
                .flatMap(e -> e.getValue().stream())
                .anyMatch(pod -> !PodStates.isFinished(pod));
    }

    /** Paused deployments and scaling events: resize without rolling out, then report status. */
    void scaleOnly(Deployment d, List<ReplicaSet> rsList) {
        NewReplicaSets.Split split = newReplicaSets.split(d, rsList, false);
        scaling.scale(d, split.newRS(), split.oldRSs());
        if (Boolean.TRUE.equals(d.getSpec().getPaused())) {
            scaling.cleanup(d, split.oldRSs());
        }
        status.syncStatus(split.all(), split.newRS(), d);
    }

    /** Deployments being deleted only report status. */
    void statusOnly(Deployment d, List<ReplicaSet> rsList) {
        NewReplicaSets.Split split = newReplicaSets.split(d, rsList, false);
        status.syncStatus(split.all(), split.newRS(), d);
    }
}
