package io.kube4j.apiserver.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Json;
import io.kube4j.api.json.Meta;
import io.kube4j.store.KeyValue;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An object as the cache holds it: decoded once, with {@code metadata.resourceVersion} set to its
 * modRevision. Shared between readers: never mutate {@code object}, copy it first.
 */
public record CachedObject(String key, ObjectNode object, long modRevision) {

    /** Decodes a stored version. */
    public static CachedObject of(KeyValue kv) {
        try {
            ObjectNode obj = (ObjectNode) Json.MAPPER.readTree(kv.value());
            Meta.of(obj).put("resourceVersion", Long.toString(kv.modRevision()));
            return new CachedObject(kv.key(), obj, kv.modRevision());
        } catch (IOException | ClassCastException e) {
            throw new UncheckedIOException("corrupt object at " + kv.key(), e instanceof IOException io ? io : new IOException(e));
        }
    }
}
