package io.kube4j.controllers.deployment;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import io.kube4j.controllers.IntOrPercent;
import java.util.List;

/**
 * The numbers of a rollout, as upstream's deployment util: maxSurge rounds percentages up,
 * maxUnavailable rounds them down, and when both resolve to 0 one pod may be unavailable.
 */
final class RollingMath {
    /** The surge and unavailability a deployment allows, in pods. */
    record Fenceposts(int surge, int unavailable) {
    }

    private RollingMath() {
    }

    static Fenceposts resolveFenceposts(IntOrString maxSurge, IntOrString maxUnavailable, int desired) {
        int surge = IntOrPercent.scaled(maxSurge, desired, true);
        int unavailable = IntOrPercent.scaled(maxUnavailable, desired, false);
        if (surge == 0 && unavailable == 0) {
            // Surging is the riskier of the two, so the deadlock breaks on the unavailable side.
            unavailable = 1;
        }
        return new Fenceposts(surge, unavailable);
    }

    static boolean isRollingUpdate(Deployment d) {
        return d.getSpec().getStrategy() == null || !"Recreate".equals(d.getSpec().getStrategy().getType());
    }

    static int replicas(Deployment d) {
        return d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    }

    static int maxSurge(Deployment d) {
        if (!isRollingUpdate(d)) {
            return 0;
        }
        return fenceposts(d).surge();
    }

    static int maxUnavailable(Deployment d) {
        int replicas = replicas(d);
        if (!isRollingUpdate(d) || replicas == 0) {
            return 0;
        }
        return Math.min(fenceposts(d).unavailable(), replicas);
    }

    private static Fenceposts fenceposts(Deployment d) {
        RollingUpdateDeployment rolling = d.getSpec().getStrategy() == null ? null : d.getSpec().getStrategy().getRollingUpdate();
        IntOrString surge = rolling == null || rolling.getMaxSurge() == null ? new IntOrString("25%") : rolling.getMaxSurge();
        IntOrString unavailable = rolling == null || rolling.getMaxUnavailable() == null ? new IntOrString("25%")
                : rolling.getMaxUnavailable();
        return resolveFenceposts(surge, unavailable, replicas(d));
    }

    /** How many replicas the new ReplicaSet may have now: up to the surge for rolling updates, all for Recreate. */
    static int newReplicaSetReplicas(Deployment d, List<ReplicaSet> allRSs, ReplicaSet newRS) {
        int replicas = replicas(d);
        if (!isRollingUpdate(d)) {
            return replicas;
        }
        int current = ReplicaSetLists.specReplicas(allRSs);
        int maxTotal = replicas + maxSurge(d);
        int newReplicas = ReplicaSetLists.specReplicas(newRS);
        if (current >= maxTotal) {
            return newReplicas;
        }
        return newReplicas + Math.min(maxTotal - current, replicas - newReplicas);
    }

    /**
     * The share of {@code toAdd} (positive: scaling up, negative: down) that {@code rs} gets when a
     * deployment is resized mid-rollout, capped by what is still left to distribute.
     */
    static int proportion(ReplicaSet rs, Deployment d, int toAdd, int added) {
        if (rs == null || ReplicaSetLists.specReplicas(rs) == 0 || toAdd == 0 || toAdd == added) {
            return 0;
        }
        int fraction = fraction(rs, d);
        int allowed = toAdd - added;
        return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
    }

    /** rs's size scaled by the deployment's new allowed size over the one it was sized for. */
    private static int fraction(ReplicaSet rs, Deployment d) {
        int rsReplicas = ReplicaSetLists.specReplicas(rs);
        if (replicas(d) == 0) {
            return -rsReplicas;
        }
        int deploymentReplicas = replicas(d) + maxSurge(d);
        Integer annotated = DeploymentAnnotations.maxReplicas(rs);
        int sizedFor = annotated != null ? annotated
                : d.getStatus() == null || d.getStatus().getReplicas() == null ? 0 : d.getStatus().getReplicas();
        double newSize = (double) rsReplicas * deploymentReplicas / sizedFor;
        return roundHalfAwayFromZero(newSize) - rsReplicas;
    }

    /** Go's math.Round. */
    static int roundHalfAwayFromZero(double value) {
        return (int) (Math.signum(value) * Math.floor(Math.abs(value) + 0.5));
    }
}
