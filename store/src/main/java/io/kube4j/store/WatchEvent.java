package io.kube4j.store;

/**
 * A change to one key. For {@link Type#PUT} {@code kv} is the new version and {@code prevKv} the
 * previous one (null on create); for {@link Type#DELETE} {@code kv} carries the key, an empty value
 * and the deleting revision as {@code modRevision}, and {@code prevKv} is the deleted version.
 */
public record WatchEvent(Type type, KeyValue kv, KeyValue prevKv) {
    public enum Type { PUT, DELETE }

    public long revision() {
        return kv.modRevision();
    }
}
