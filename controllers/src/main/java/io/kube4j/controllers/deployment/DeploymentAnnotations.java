package io.kube4j.controllers.deployment;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The annotations that carry rollout history: each ReplicaSet's revision (and the revisions it
 * had before a rollback), the deployment size it was sized for, and the deployment's annotations
 * (e.g. {@code kubernetes.io/change-cause}) copied onto its current ReplicaSet.
 */
final class DeploymentAnnotations {
    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
    static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
    static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
    /** The revision history annotation is kept below this length, dropping the oldest entries. */
    static final int MAX_REVISION_HISTORY_CHARS = 2000;
    private static final Set<String> NOT_COPIED = Set.of(
            "kubectl.kubernetes.io/last-applied-configuration", REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS,
            "deprecated.deployment.rollback.to");

    private DeploymentAnnotations() {
    }

    /** The ReplicaSet's revision, 0 when it has none (or an unreadable one). */
    static long revision(HasMetadata obj) {
        String value = annotations(obj).get(REVISION);
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static long maxRevision(List<ReplicaSet> rss) {
        return rss.stream().mapToLong(DeploymentAnnotations::revision).max().orElse(0);
    }

    static Integer desiredReplicas(ReplicaSet rs) {
        return intAnnotation(rs, DESIRED_REPLICAS);
    }

    static Integer maxReplicas(ReplicaSet rs) {
        return intAnnotation(rs, MAX_REPLICAS);
    }

    /**
     * Brings the current ReplicaSet's annotations up to date: the deployment's own annotations, a
     * revision raised to {@code newRevision} (remembering the one it had, on a rollback) and, for a
     * ReplicaSet about to be created, the sizes. Returns whether anything changed.
     */
    static boolean setNewReplicaSetAnnotations(Deployment d, ReplicaSet rs, long newRevision, boolean exists) {
        boolean changed = copyDeploymentAnnotations(d, rs);
        Map<String, String> annotations = mutableAnnotations(rs);
        String oldRevision = annotations.get(REVISION);
        long oldRevisionNumber;
        try {
            oldRevisionNumber = oldRevision == null || oldRevision.isEmpty() ? 0 : Long.parseLong(oldRevision);
        } catch (NumberFormatException e) {
            return false;
        }
        if (oldRevisionNumber < newRevision) {
            annotations.put(REVISION, Long.toString(newRevision));
            changed = true;
            if (oldRevision != null) {
                appendRevisionHistory(annotations, oldRevision);
            }
        }
        if (!exists && setReplicasAnnotations(rs, RollingMath.replicas(d), RollingMath.replicas(d) + RollingMath.maxSurge(d))) {
            changed = true;
        }
        return changed;
    }

    /** Records the deployment size the ReplicaSet is sized for; returns whether it changed. */
    static boolean setReplicasAnnotations(ReplicaSet rs, int desired, int max) {
        if (!replicasAnnotationsNeedUpdate(rs, desired, max)) {
            return false;
        }
        Map<String, String> annotations = mutableAnnotations(rs);
        annotations.put(DESIRED_REPLICAS, Integer.toString(desired));
        annotations.put(MAX_REPLICAS, Integer.toString(max));
        return true;
    }

    static boolean replicasAnnotationsNeedUpdate(ReplicaSet rs, int desired, int max) {
        Map<String, String> annotations = annotations(rs);
        return !Integer.toString(desired).equals(annotations.get(DESIRED_REPLICAS))
                || !Integer.toString(max).equals(annotations.get(MAX_REPLICAS));
    }

    /** Sets the deployment's revision annotation; returns whether it changed. */
    static boolean setDeploymentRevision(Deployment d, String revision) {
        if (revision == null || revision.equals(annotations(d).get(REVISION))) {
            return false;
        }
        mutableAnnotations(d).put(REVISION, revision);
        return true;
    }

    private static boolean copyDeploymentAnnotations(Deployment d, ReplicaSet rs) {
        boolean changed = false;
        for (Map.Entry<String, String> e : annotations(d).entrySet()) {
            if (NOT_COPIED.contains(e.getKey()) || e.getValue().equals(annotations(rs).get(e.getKey()))) {
                continue;
            }
            mutableAnnotations(rs).put(e.getKey(), e.getValue());
            changed = true;
        }
        return changed;
    }

    /** Appends {@code oldRevision} to the comma-separated history, dropping the oldest entries past the limit. */
    private static void appendRevisionHistory(Map<String, String> annotations, String oldRevision) {
        String history = annotations.getOrDefault(REVISION_HISTORY, "");
        if (history.isEmpty()) {
            annotations.put(REVISION_HISTORY, oldRevision);
            return;
        }
        List<String> revisions = new ArrayList<>(Arrays.asList(history.split(",")));
        int totalLength = history.length() + oldRevision.length() + 1;
        while (totalLength > MAX_REVISION_HISTORY_CHARS && !revisions.isEmpty()) {
            totalLength -= revisions.removeFirst().length() + 1;
        }
        if (totalLength <= MAX_REVISION_HISTORY_CHARS) {
            revisions.add(oldRevision);
            annotations.put(REVISION_HISTORY, String.join(",", revisions));
        }
    }

    private static Integer intAnnotation(HasMetadata obj, String key) {
        String value = annotations(obj).get(key);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Map<String, String> annotations(HasMetadata obj) {
        Map<String, String> annotations = obj.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    private static Map<String, String> mutableAnnotations(HasMetadata obj) {
        if (obj.getMetadata().getAnnotations() == null) {
            obj.getMetadata().setAnnotations(new HashMap<>());
        }
        return obj.getMetadata().getAnnotations();
    }
}
