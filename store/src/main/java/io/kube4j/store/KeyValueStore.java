package io.kube4j.store;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * A revisioned key-value store, the only thing the API server persists through (like etcd for
 * Kubernetes). Every successful write gets the next value of one global, monotonic revision, which
 * the API server exposes as {@code resourceVersion}. Writes return only once they are durable.
 *
 * <p>Implementations must pass {@code KeyValueStoreContract} (store test-jar).
 */
public interface KeyValueStore extends AutoCloseable {

    /** The revision of the latest committed write (0 for an empty, new store). */
    long currentRevision();

    /** The highest revision removed by {@link #compact}; reads/watches at or below it fail. */
    long compactedRevision();

    /** The latest version of {@code key}, if it exists. */
    Optional<KeyValue> get(String key);

    /**
     * Keys starting with {@code prefix} and sorted after {@code startAfter} (exclusive; null = from
     * the start), as they were at {@code revision} (0 = latest), at most {@code limit} (0 = all).
     *
     * @throws StoreException.Compacted if {@code revision} is not 0 and was compacted
     */
    RangeResult range(String prefix, String startAfter, int limit, long revision);

    /** Number of live keys under {@code prefix} at the latest revision. */
    long count(String prefix);

    /** @throws StoreException.KeyExists if the key exists */
    KeyValue create(String key, byte[] value);

    /**
     * Replaces the value if the key's current modRevision equals {@code expectedModRevision}.
     *
     * @throws StoreException.KeyNotFound if the key does not exist
     * @throws StoreException.Conflict if the revision differs
     */
    KeyValue update(String key, byte[] value, long expectedModRevision);

    /**
     * Deletes the key if its modRevision equals {@code expectedModRevision} (0 = unconditionally).
     * Returns the deleted version.
     *
     * @throws StoreException.KeyNotFound if the key does not exist
     * @throws StoreException.Conflict if the revision differs
     */
    KeyValue delete(String key, long expectedModRevision);

    /**
     * Delivers, in revision order and without gaps or duplicates, every change under
     * {@code prefix} with revision greater than {@code afterRevision}: first the history already
     * stored, then live changes as they commit. Events are delivered on one thread per watch;
     * a slow listener must not stall writers (implementations buffer).
     *
     * @throws StoreException.Compacted if {@code afterRevision} is below the compacted revision
     */
    Watch watch(String prefix, long afterRevision, Consumer<WatchEvent> listener);

    /** Removes history older than {@code revision}; the latest version of every key stays. */
    void compact(long revision);

    @Override
    void close();

    /** A running watch. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}
