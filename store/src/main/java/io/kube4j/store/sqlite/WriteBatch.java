package io.kube4j.store.sqlite;

import io.kube4j.store.KeyValue;
import io.kube4j.store.StoreException;
import io.kube4j.store.WatchEvent;
import io.kube4j.store.sqlite.KeyIndex.Revisions;
import io.kube4j.store.sqlite.WriteTask.Create;
import io.kube4j.store.sqlite.WriteTask.Delete;
import io.kube4j.store.sqlite.WriteTask.KeyWrite;
import io.kube4j.store.sqlite.WriteTask.Update;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes of one transaction. Each write's precondition is checked in queue order against
 * the committed index overlaid with this batch's own earlier writes; a write that passes gets
 * the next revision and a row. Nothing is visible outside until {@link GroupCommitWriter}
 * commits and then applies {@link #indexChanges()}, publishes {@link #events()} and calls
 * {@link #complete()}.
 */
final class WriteBatch {

    private static final byte[] EMPTY = new byte[0];

    private final SqliteSession session;
    private final KeyIndex index;
    private long revision;
    /** Key to its revisions after this batch; a null value marks a deleted key. */
    private final Map<String, Revisions> indexChanges = new HashMap<>();
    private final List<WatchEvent> events = new ArrayList<>();
    private final List<Runnable> completions = new ArrayList<>();

    WriteBatch(SqliteSession session, KeyIndex index, long committedRevision) {
        this.session = session;
        this.index = index;
        this.revision = committedRevision;
    }

    void apply(KeyWrite write) throws SQLException {
        try {
            KeyValue result = switch (write) {
                case Create create -> create(create);
                case Update update -> update(update);
                case Delete delete -> delete(delete);
            };
            completions.add(() -> write.result().complete(result));
        } catch (StoreException preconditionFailed) {
            completions.add(() -> write.result().completeExceptionally(preconditionFailed));
        }
    }

    /** The revision of the batch's last write (the committed revision if it wrote nothing). */
    long revision() {
        return revision;
    }

    Map<String, Revisions> indexChanges() {
        return indexChanges;
    }

    List<WatchEvent> events() {
        return events;
    }

    /** Hands every caller its result or precondition failure; only after the commit. */
    void complete() {
        completions.forEach(Runnable::run);
    }

    private KeyValue create(Create create) throws SQLException {
        if (current(create.key()) != null) {
            throw new StoreException.KeyExists(create.key());
        }
        long created = ++revision;
        KvTable.insert(session, created, create.key(), create.value(), created, 0, false);
        KeyValue kv = new KeyValue(create.key(), create.value(), created, created);
        indexChanges.put(create.key(), new Revisions(created, created));
        events.add(new WatchEvent(WatchEvent.Type.PUT, kv, null));
        return kv;
    }

    private KeyValue update(Update update) throws SQLException {
        Revisions current = existing(update.key(), update.expectedModRevision());
        KeyValue previous = KvTable.version(session, current.modRevision());
        long updated = ++revision;
        KvTable.insert(session, updated, update.key(), update.value(), current.createRevision(), current.modRevision(),
                false);
        KeyValue kv = new KeyValue(update.key(), update.value(), current.createRevision(), updated);
        indexChanges.put(update.key(), new Revisions(current.createRevision(), updated));
        events.add(new WatchEvent(WatchEvent.Type.PUT, kv, previous));
        return kv;
    }

    private KeyValue delete(Delete delete) throws SQLException {
        Revisions current = delete.expectedModRevision() == 0
                ? existing(delete.key())
                : existing(delete.key(), delete.expectedModRevision());
        KeyValue deleted = KvTable.version(session, current.modRevision());
        long deletedAt = ++revision;
        KvTable.insert(session, deletedAt, delete.key(), EMPTY, 0, current.modRevision(), true);
        indexChanges.put(delete.key(), null);
        events.add(ChangeFeed.deletion(delete.key(), deletedAt, deleted));
        return deleted;
    }

    private Revisions existing(String key, long expectedModRevision) throws SQLException {
        Revisions current = existing(key);
        if (current.modRevision() != expectedModRevision) {
            throw new StoreException.Conflict(key, KvTable.version(session, current.modRevision()));
        }
        return current;
    }

    private Revisions existing(String key) {
        Revisions current = current(key);
        if (current == null) {
            throw new StoreException.KeyNotFound(key);
        }
        return current;
    }

    private Revisions current(String key) {
        return indexChanges.containsKey(key) ? indexChanges.get(key) : index.get(key);
    }
}
