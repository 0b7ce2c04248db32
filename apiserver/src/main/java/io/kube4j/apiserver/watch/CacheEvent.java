package io.kube4j.apiserver.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A change seen by the cache. {@code object} is the new state (for DELETED the last state, with the
 * deleting revision as resourceVersion) and {@code previous} the state before (null for ADDED).
 */
public record CacheEvent(Type type, String key, ObjectNode object, ObjectNode previous, long revision) {
    public enum Type { ADDED, MODIFIED, DELETED }
}
