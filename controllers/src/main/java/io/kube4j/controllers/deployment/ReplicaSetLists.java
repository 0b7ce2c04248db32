package io.kube4j.controllers.deployment;

import static io.kube4j.controllers.ZeroValues.orZero;

import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Counts and orders over a deployment's ReplicaSets; null entries (no new ReplicaSet yet) count as nothing. */
final class ReplicaSetLists {
    /** Oldest first, by name when created in the same second. */
    static final Comparator<ReplicaSet> BY_CREATION = Comparator
            .comparing((ReplicaSet rs) -> String.valueOf(rs.getMetadata().getCreationTimestamp()))
            .thenComparing(rs -> rs.getMetadata().getName());
    /** Lowest revision first, then oldest. */
    static final Comparator<ReplicaSet> BY_REVISION = Comparator
            .comparingLong((ReplicaSet rs) -> DeploymentAnnotations.revision(rs)).thenComparing(BY_CREATION);
    /** Largest first, then oldest: who gives up pods first when scaling down. */
    static final Comparator<ReplicaSet> BY_SIZE_OLDER = Comparator
            .comparingInt((ReplicaSet rs) -> -specReplicas(rs)).thenComparing(BY_CREATION);
    /** Largest first, then newest: who gets pods first when scaling up. */
    static final Comparator<ReplicaSet> BY_SIZE_NEWER = Comparator
            .comparingInt((ReplicaSet rs) -> -specReplicas(rs)).thenComparing(BY_CREATION.reversed());

    private ReplicaSetLists() {
    }

    static int specReplicas(ReplicaSet rs) {
        return rs == null || rs.getSpec().getReplicas() == null ? 0 : rs.getSpec().getReplicas();
    }

    static int specReplicas(List<ReplicaSet> rss) {
        return rss.stream().filter(Objects::nonNull).mapToInt(ReplicaSetLists::specReplicas).sum();
    }

    static int statusReplicas(List<ReplicaSet> rss) {
        return rss.stream().filter(rs -> rs != null && rs.getStatus() != null)
                .mapToInt(rs -> orZero(rs.getStatus().getReplicas())).sum();
    }

    static int availableReplicas(ReplicaSet rs) {
        return rs == null || rs.getStatus() == null ? 0 : orZero(rs.getStatus().getAvailableReplicas());
    }

    static int availableReplicas(List<ReplicaSet> rss) {
        return rss.stream().mapToInt(ReplicaSetLists::availableReplicas).sum();
    }

    static int readyReplicas(List<ReplicaSet> rss) {
        return rss.stream().filter(rs -> rs != null && rs.getStatus() != null)
                .mapToInt(rs -> orZero(rs.getStatus().getReadyReplicas())).sum();
    }

    /** The ReplicaSets that still have pods wanted. */
    static List<ReplicaSet> active(List<ReplicaSet> rss) {
        return rss.stream().filter(rs -> specReplicas(rs) > 0).toList();
    }

    /** {@code olds} plus {@code newRS} when there is one. */
    static List<ReplicaSet> with(List<ReplicaSet> olds, ReplicaSet newRS) {
        List<ReplicaSet> all = new ArrayList<>(olds);
        if (newRS != null) {
            all.add(newRS);
        }
        return all;
    }

    static List<ReplicaSet> sorted(List<ReplicaSet> rss, Comparator<ReplicaSet> order) {
        List<ReplicaSet> copy = new ArrayList<>(rss);
        copy.sort(order);
        return copy;
    }
}
