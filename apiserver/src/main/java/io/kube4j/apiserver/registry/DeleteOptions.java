package io.kube4j.apiserver.registry;

/**
 * A delete request: grace period (null = the kind's default), propagation policy (Background,
 * Foreground, Orphan; null = Background), and optional uid / resourceVersion preconditions.
 */
public record DeleteOptions(Long gracePeriodSeconds, String propagationPolicy, String preconditionUid,
                            String preconditionResourceVersion, boolean dryRun) {
    public static final DeleteOptions DEFAULT = new DeleteOptions(null, null, null, null, false);
}
