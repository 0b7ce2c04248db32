package io.kube4j.controllers.deployment;

import static io.kube4j.controllers.ZeroValues.orZero;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resizing a deployment's ReplicaSets: plain scaling, proportional scaling in the middle of a
 * rollout (each ReplicaSet grows or shrinks by its share, the remainder going to the largest),
 * and the clean-up of old ReplicaSets beyond revisionHistoryLimit.
 */
final class Scaling {
    private final RolloutEnv env;

    Scaling(RolloutEnv env) {
        this.env = env;
    }

    /** A scaling event: an active ReplicaSet was sized for another deployment size than spec.replicas. */
    static boolean isScalingEvent(Deployment d, List<ReplicaSet> allRSs) {
        for (ReplicaSet rs : ReplicaSetLists.active(allRSs)) {
            Integer desired = DeploymentAnnotations.desiredReplicas(rs);
            if (desired != null && desired != RollingMath.replicas(d)) {
                return true;
            }
        }
        return false;
    }

    void scale(Deployment d, ReplicaSet newRS, List<ReplicaSet> oldRSs) {
        int replicas = RollingMath.replicas(d);
        ReplicaSet activeOrLatest = activeOrLatest(newRS, oldRSs);
        if (activeOrLatest != null) {
            if (ReplicaSetLists.specReplicas(activeOrLatest) != replicas) {
                scaleAndRecord(activeOrLatest, replicas, d);
            }
            return;
        }
        if (isSaturated(d, newRS)) {
            for (ReplicaSet old : ReplicaSetLists.active(oldRSs)) {
                scaleAndRecord(old, 0, d);
            }
            return;
        }
        if (RollingMath.isRollingUpdate(d)) {
            scaleProportionally(d, ReplicaSetLists.active(ReplicaSetLists.with(oldRSs, newRS)));
        }
    }

    private void scaleProportionally(Deployment d, List<ReplicaSet> active) {
        int replicas = RollingMath.replicas(d);
        int allowed = replicas > 0 ? replicas + RollingMath.maxSurge(d) : 0;
        int toAdd = allowed - ReplicaSetLists.specReplicas(active);
        String operation = toAdd > 0 ? "up" : "down";
        List<ReplicaSet> ordered = ReplicaSetLists.sorted(active,
                toAdd > 0 ? ReplicaSetLists.BY_SIZE_NEWER : ReplicaSetLists.BY_SIZE_OLDER);
        Map<String, Integer> sizes = new HashMap<>();
        int added = 0;
        for (ReplicaSet rs : ordered) {
            int share = toAdd != 0 ? RollingMath.proportion(rs, d, toAdd, added) : 0;
            sizes.put(rs.getMetadata().getName(), ReplicaSetLists.specReplicas(rs) + share);
            added += share;
        }
        if (toAdd != added && !ordered.isEmpty()) {
            // Rounding leftovers go to the largest ReplicaSet.
            String first = ordered.getFirst().getMetadata().getName();
            sizes.put(first, Math.max(0, sizes.get(first) + toAdd - added));
        }
        for (ReplicaSet rs : ordered) {
            scale(rs, sizes.get(rs.getMetadata().getName()), d, operation);
        }
    }

    /** Scales {@code rs} to {@code newScale}; returns whether its size changed. */
    boolean scaleAndRecord(ReplicaSet rs, int newScale, Deployment d) {
        int current = ReplicaSetLists.specReplicas(rs);
        if (current == newScale) {
            return false;
        }
        return scale(rs, newScale, d, current < newScale ? "up" : "down");
    }

    /** Sets the size and the size annotations; the ScalingReplicaSet event reports size changes. */
    private boolean scale(ReplicaSet rs, int newScale, Deployment d, String operation) {
        int oldScale = ReplicaSetLists.specReplicas(rs);
        boolean sizeChanges = oldScale != newScale;
        int replicas = RollingMath.replicas(d);
        int max = replicas + RollingMath.maxSurge(d);
        if (!sizeChanges && !DeploymentAnnotations.replicasAnnotationsNeedUpdate(rs, replicas, max)) {
            return false;
        }
        rs.getSpec().setReplicas(newScale);
        DeploymentAnnotations.setReplicasAnnotations(rs, replicas, max);
        env.update(rs);
        if (sizeChanges) {
            env.events().normal(d, "ScalingReplicaSet", "Scaled " + operation + " replica set " + rs.getMetadata().getName()
                    + " to " + newScale + " from " + oldScale);
        }
        return sizeChanges;
    }

    /**
     * Deletes the oldest revisions beyond revisionHistoryLimit, skipping any that still have pods
     * or whose latest spec the ReplicaSet controller has not yet seen.
     */
    void cleanup(Deployment d, List<ReplicaSet> oldRSs) {
        Integer limit = d.getSpec().getRevisionHistoryLimit();
        if (limit == null) {
            return;
        }
        List<ReplicaSet> cleanable = oldRSs.stream().filter(rs -> rs.getMetadata().getDeletionTimestamp() == null).toList();
        int diff = cleanable.size() - limit;
        if (diff <= 0) {
            return;
        }
        List<ReplicaSet> byRevision = ReplicaSetLists.sorted(cleanable, ReplicaSetLists.BY_REVISION);
        for (ReplicaSet rs : byRevision.subList(0, diff)) {
            long observed = rs.getStatus() == null ? 0 : orZero(rs.getStatus().getObservedGeneration());
            boolean hasPods = rs.getStatus() != null && orZero(rs.getStatus().getReplicas()) != 0;
            if (hasPods || ReplicaSetLists.specReplicas(rs) != 0
                    || orZero(rs.getMetadata().getGeneration()) > observed) {
                continue;
            }
            env.writer().delete(rs, "Background");
        }
    }

    /** The only ReplicaSet with replicas (or, when none has any, the new one or the newest old one). */
    private static ReplicaSet activeOrLatest(ReplicaSet newRS, List<ReplicaSet> oldRSs) {
        if (newRS == null && oldRSs.isEmpty()) {
            return null;
        }
        List<ReplicaSet> newestFirst = ReplicaSetLists.sorted(oldRSs, ReplicaSetLists.BY_CREATION.reversed());
        List<ReplicaSet> active = ReplicaSetLists.active(ReplicaSetLists.with(newestFirst, newRS));
        return switch (active.size()) {
            case 0 -> newRS != null ? newRS : newestFirst.getFirst();
            case 1 -> active.getFirst();
            default -> null;
        };
    }

    /** The new ReplicaSet has all the deployment's replicas, sized for this size, and all available. */
    private static boolean isSaturated(Deployment d, ReplicaSet rs) {
        if (rs == null) {
            return false;
        }
        int replicas = RollingMath.replicas(d);
        Integer desired = DeploymentAnnotations.desiredReplicas(rs);
        return ReplicaSetLists.specReplicas(rs) == replicas && desired != null && desired == replicas
                && ReplicaSetLists.availableReplicas(rs) == replicas;
    }
}
