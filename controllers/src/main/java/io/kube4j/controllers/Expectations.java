package io.kube4j.controllers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Creations and deletions a controller has asked for but not yet seen in its informer cache, per
 * owner key, as upstream's ControllerExpectations: a sync that would act on a stale cache waits
 * until the expected events arrive (or the expectations expire after 5 minutes).
 */
public final class Expectations {
    private static final long TTL_NANOS = TimeUnit.MINUTES.toNanos(5);

    private record Pending(int adds, int deletes, long setAt) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** Whether the cache has caught up with what {@code key}'s last sync did. */
    public boolean satisfied(String key) {
        Pending p = pending.get(key);
        return p == null || p.adds <= 0 && p.deletes <= 0 || System.nanoTime() - p.setAt > TTL_NANOS;
    }

    public void expect(String key, int adds, int deletes) {
        pending.put(key, new Pending(adds, deletes, System.nanoTime()));
    }

    public void observedAdd(String key) {
        pending.computeIfPresent(key, (k, p) -> new Pending(p.adds - 1, p.deletes, p.setAt));
    }

    public void observedDelete(String key) {
        pending.computeIfPresent(key, (k, p) -> new Pending(p.adds, p.deletes - 1, p.setAt));
    }

    public void forget(String key) {
        pending.remove(key);
    }
}
