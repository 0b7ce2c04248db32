package io.kube4j.store;

/** Base of the store's failures; subclasses name the condition a caller can act on. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Create of a key that exists. */
    public static final class KeyExists extends StoreException {
        public KeyExists(String key) {
            super("key exists: " + key);
        }
    }

    /** Update or delete of a key that does not exist. */
    public static final class KeyNotFound extends StoreException {
        public KeyNotFound(String key) {
            super("key not found: " + key);
        }
    }

    /** Compare-and-swap failed: the key's modRevision is not the expected one. */
    public static final class Conflict extends StoreException {
        private final KeyValue current;

        public Conflict(String key, KeyValue current) {
            super("revision conflict on " + key);
            this.current = current;
        }

        public KeyValue current() {
            return current;
        }
    }

    /** A read or watch asked for a revision that compaction removed. */
    public static final class Compacted extends StoreException {
        private final long compactedRevision;

        public Compacted(long requested, long compactedRevision) {
            super("revision " + requested + " has been compacted (compacted up to " + compactedRevision + ")");
            this.compactedRevision = compactedRevision;
        }

        public long compactedRevision() {
            return compactedRevision;
        }
    }
}
