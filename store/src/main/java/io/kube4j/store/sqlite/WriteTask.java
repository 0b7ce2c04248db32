package io.kube4j.store.sqlite;

import io.kube4j.store.KeyValue;
import java.util.concurrent.CompletableFuture;

/** What callers hand to the {@link GroupCommitWriter}; each task completes its future once durable. */
sealed interface WriteTask {

    /** A change to one key, with the version the caller gets back (the new one, or the deleted one). */
    sealed interface KeyWrite extends WriteTask {
        String key();

        CompletableFuture<KeyValue> result();
    }

    record Create(String key, byte[] value, CompletableFuture<KeyValue> result) implements KeyWrite {
    }

    record Update(String key, byte[] value, long expectedModRevision, CompletableFuture<KeyValue> result)
            implements KeyWrite {
    }

    /** {@code expectedModRevision} 0 deletes whatever version is current. */
    record Delete(String key, long expectedModRevision, CompletableFuture<KeyValue> result) implements KeyWrite {
    }

    record Compact(long revision, CompletableFuture<Void> result) implements WriteTask {
    }

    /** Sent once by close(): the writer stops after the tasks queued before it. */
    record Stop() implements WriteTask {
    }
}
