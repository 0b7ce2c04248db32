package io.kube4j.store;

/**
 * One version of one key. {@code modRevision} is the global revision of the write that produced
 * this version; {@code createRevision} the revision at which the key was (last) created.
 */
public record KeyValue(String key, byte[] value, long createRevision, long modRevision) {
}
