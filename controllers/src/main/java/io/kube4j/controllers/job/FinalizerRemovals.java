package io.kube4j.controllers.job;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pods whose tracking finalizer the controller removed but whose update the pod cache has not shown
 * yet, per Job key (upstream's finalizer expectations): such a pod still looks uncounted in the cache
 * and must not be counted a second time.
 */
final class FinalizerRemovals {
    private final Map<String, Set<String>> pending = new ConcurrentHashMap<>();

    void expect(String key, String uid) {
        pending.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(uid);
    }

    /**
     * The uids of {@code key}'s pods whose removal is not observed yet, as a copy. Taken before the
     * pods are listed, it covers every listed pod that still shows a removed finalizer: a removal is
     * observed only after the pod cache holds the pod without it.
     */
    Set<String> pending(String key) {
        Set<String> uids = pending.get(key);
        return uids == null ? Set.of() : Set.copyOf(uids);
    }

    void observed(String key, String uid) {
        pending.computeIfPresent(key, (k, uids) -> {
            uids.remove(uid);
            return uids.isEmpty() ? null : uids;
        });
    }

    void forget(String key) {
        pending.remove(key);
    }
}
