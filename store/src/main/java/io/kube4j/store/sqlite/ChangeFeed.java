package io.kube4j.store.sqlite;

import io.kube4j.store.KeyValue;
import io.kube4j.store.StoreException;
import io.kube4j.store.WatchEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The committed revision and the running watches. Publishing a commit and registering a watch
 * are serialised by one lock, so a new watch knows exactly which revision its live events start
 * after: everything up to that revision it replays from the table, everything later it is sent.
 */
final class ChangeFeed {

    private static final byte[] EMPTY = new byte[0];

    private final Object lock = new Object();
    private final List<SqliteWatch> watches = new CopyOnWriteArrayList<>();
    private volatile long committedRevision;
    private boolean closed;

    ChangeFeed(long committedRevision) {
        this.committedRevision = committedRevision;
    }

    /** The event for a delete at {@code revision}: the key with an empty value, and the deleted version. */
    static WatchEvent deletion(String key, long revision, KeyValue deleted) {
        return new WatchEvent(WatchEvent.Type.DELETE, new KeyValue(key, EMPTY, 0, revision), deleted);
    }

    long committedRevision() {
        return committedRevision;
    }

    /** Called by the writer after each commit, with that commit's events in revision order. */
    void publish(long revision, List<WatchEvent> events) {
        synchronized (lock) {
            committedRevision = revision;
            for (SqliteWatch watch : watches) {
                watch.offer(events);
            }
        }
    }

    /** Registers {@code watch} for live events and returns the revision they will start after. */
    long register(SqliteWatch watch) {
        synchronized (lock) {
            if (closed) {
                throw new StoreException("store is closed");
            }
            watches.add(watch);
            return committedRevision;
        }
    }

    void unregister(SqliteWatch watch) {
        watches.remove(watch);
    }

    /** Ends every watch and refuses new ones. */
    void close() {
        synchronized (lock) {
            closed = true;
        }
        watches.forEach(SqliteWatch::close);
    }
}
