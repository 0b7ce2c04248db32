package io.kube4j.apiserver.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;

/**
 * A change seen by the cache. {@code object} is the new state (for DELETED the last state, with the
 * deleting revision as resourceVersion) and {@code previous} the state before (null for ADDED).
 * The object's JSON is encoded once, however many watchers the event goes to.
 */
public final class CacheEvent {
    public enum Type { ADDED, MODIFIED, DELETED }

    private final Type type;
    private final String key;
    private final ObjectNode object;
    private final ObjectNode previous;
    private final long revision;
    private volatile byte[] objectJson;

    public CacheEvent(Type type, String key, ObjectNode object, ObjectNode previous, long revision) {
        this.type = type;
        this.key = key;
        this.object = object;
        this.previous = previous;
        this.revision = revision;
    }

    public Type type() {
        return type;
    }

    public String key() {
        return key;
    }

    public ObjectNode object() {
        return object;
    }

    public ObjectNode previous() {
        return previous;
    }

    public long revision() {
        return revision;
    }

    /** {@link #object()} as JSON; never mutate the returned array. */
    public byte[] objectJson() {
        byte[] json = objectJson;
        if (json == null) {
            json = Json.bytes(object);
            objectJson = json;
        }
        return json;
    }

    @Override
    public String toString() {
        return type + " " + key + " @" + revision;
    }
}
