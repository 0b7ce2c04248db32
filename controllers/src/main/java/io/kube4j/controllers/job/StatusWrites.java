package io.kube4j.controllers.job;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The versions of each Job that this controller's own status writes replaced, kept until the Job
 * cache has moved past them. A sync counts finished pods into the status and removes their tracking
 * finalizers; the pod watch may deliver the removals before the Job watch delivers the new status.
 * A sync on the older Job then sees those pods neither as uncounted (no finalizer) nor in the
 * counters, and would replace pods that already succeeded. Syncs on a replaced version wait for
 * the watch event of the newer one, as creations wait for {@link io.kube4j.controllers.Expectations}.
 */
final class StatusWrites {
    private final Map<String, Set<String>> replacedVersions = new ConcurrentHashMap<>();

    /** Records that a status write succeeded over {@code resourceVersion} of the Job {@code key}. */
    void replaced(String key, String resourceVersion) {
        replacedVersions.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(resourceVersion);
    }

    /**
     * Whether the cached Job is a version a status write of this controller replaced. Once it is not,
     * the cache has caught up (a watch never goes back), so the versions are forgotten.
     */
    boolean isBehind(String key, Job cached) {
        Set<String> versions = replacedVersions.get(key);
        if (versions == null) {
            return false;
        }
        if (versions.contains(cached.getMetadata().getResourceVersion())) {
            return true;
        }
        replacedVersions.remove(key);
        return false;
    }

    void forget(String key) {
        replacedVersions.remove(key);
    }
}
