package io.kube4j.store.sqlite;

import io.kube4j.store.KeyValue;
import io.kube4j.store.KeyValueStore;
import io.kube4j.store.RangeResult;
import io.kube4j.store.StoreException;
import io.kube4j.store.WatchEvent;
import io.kube4j.store.sqlite.WriteTask.Create;
import io.kube4j.store.sqlite.WriteTask.Delete;
import io.kube4j.store.sqlite.WriteTask.Update;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The default store: one SQLite file in WAL mode holding every version of every key (MVCC, like
 * etcd or kine). Writes go through a single group-committing writer; reads use a pool of
 * separate connections; watches are fed by the writer after each commit.
 */
public final class SqliteKeyValueStore implements KeyValueStore {

    private static final int READ_CONNECTIONS = 4;

    private final KeyIndex index;
    private final ChangeFeed feed;
    private final GroupCommitWriter writer;
    private final ReadSessions readers;

    private SqliteKeyValueStore(KeyIndex index, ChangeFeed feed, GroupCommitWriter writer, ReadSessions readers) {
        this.index = index;
        this.feed = feed;
        this.writer = writer;
        this.readers = readers;
    }

    /** Opens (creating if needed) the store in {@code dbFile}; its parent directory is created too. */
    public static SqliteKeyValueStore open(Path dbFile) {
        SqliteSession writeSession = null;
        try {
            Path parent = dbFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            writeSession = SqliteSession.open(dbFile, false);
            KvTable.createSchema(writeSession);
            KeyIndex index = new KeyIndex();
            KvTable.forEachLiveKey(writeSession, (key, createRevision, modRevision) ->
                    index.put(key, new KeyIndex.Revisions(createRevision, modRevision)));
            ChangeFeed feed = new ChangeFeed(KvTable.lastRevision(writeSession));
            long compacted = KvTable.compactedRevision(writeSession);
            ReadSessions readers = new ReadSessions(dbFile, READ_CONNECTIONS);
            return new SqliteKeyValueStore(index, feed, new GroupCommitWriter(writeSession, index, feed, compacted), readers);
        } catch (SQLException | IOException e) {
            if (writeSession != null) {
                writeSession.close();
            }
            throw new StoreException("cannot open sqlite store " + dbFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long currentRevision() {
        return feed.committedRevision();
    }

    @Override
    public long compactedRevision() {
        return writer.compactedRevision();
    }

    @Override
    public Optional<KeyValue> get(String key) {
        Objects.requireNonNull(key, "key");
        return readers.read(session -> KvTable.latest(session, key));
    }

    @Override
    public RangeResult range(String prefix, String startAfter, int limit, long revision) {
        Objects.requireNonNull(prefix, "prefix");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        KeyPrefix keys = KeyPrefix.of(prefix);
        if (revision != 0) {
            return rangeAt(keys, startAfter, limit, revision);
        }
        while (true) {
            long latest = feed.committedRevision();
            List<KeyValue> rows = readRange(keys, startAfter, limit, latest);
            // A compaction past `latest` during the read may have removed versions it needed.
            if (latest >= writer.compactedRevision()) {
                return page(rows, limit, latest);
            }
        }
    }

    private RangeResult rangeAt(KeyPrefix keys, String startAfter, int limit, long revision) {
        long latest = feed.committedRevision();
        if (revision > latest) {
            throw new StoreException("revision " + revision + " is in the future (current revision " + latest + ")");
        }
        requireNotCompacted(revision, latest);
        List<KeyValue> rows = readRange(keys, startAfter, limit, revision);
        requireHistoryKept(revision);
        return page(rows, limit, revision);
    }

    private List<KeyValue> readRange(KeyPrefix keys, String startAfter, int limit, long revision) {
        int rowsToRead = limit == 0 ? -1 : limit + 1;
        return readers.read(session -> KvTable.range(session, keys, startAfter, rowsToRead, revision));
    }

    /** Reads one row more than the limit to tell whether more keys follow. */
    private static RangeResult page(List<KeyValue> rows, int limit, long revision) {
        if (limit > 0 && rows.size() > limit) {
            return new RangeResult(List.copyOf(rows.subList(0, limit)), revision, true);
        }
        return new RangeResult(List.copyOf(rows), revision, false);
    }

    /** Like etcd: reading at or below the compacted revision fails unless that is the latest revision. */
    private void requireNotCompacted(long revision, long latest) {
        long compacted = writer.compactedRevision();
        if (revision < compacted || (revision == compacted && revision != latest)) {
            throw new StoreException.Compacted(revision, compacted);
        }
    }

    /** After reading history at {@code revision}: fails if a concurrent compaction may have removed part of it. */
    private void requireHistoryKept(long revision) {
        long compacted = writer.compactedRevision();
        if (revision < compacted) {
            throw new StoreException.Compacted(revision, compacted);
        }
    }

    @Override
    public long count(String prefix) {
        return index.count(Objects.requireNonNull(prefix, "prefix"));
    }

    @Override
    public KeyValue create(String key, byte[] value) {
        return writer.write(new Create(checkedKey(key), checkedValue(value), new CompletableFuture<>()));
    }

    @Override
    public KeyValue update(String key, byte[] value, long expectedModRevision) {
        return writer.write(new Update(checkedKey(key), checkedValue(value), expectedModRevision, new CompletableFuture<>()));
    }

    @Override
    public KeyValue delete(String key, long expectedModRevision) {
        return writer.write(new Delete(checkedKey(key), expectedModRevision, new CompletableFuture<>()));
    }

    private static String checkedKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        return key;
    }

    /** A copy, so a caller reusing its array cannot change what was stored or published. */
    private static byte[] checkedValue(byte[] value) {
        return Objects.requireNonNull(value, "value").clone();
    }

    @Override
    public Watch watch(String prefix, long afterRevision, Consumer<WatchEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        requireHistoryKept(afterRevision);
        KeyPrefix keys = KeyPrefix.of(Objects.requireNonNull(prefix, "prefix"));
        SqliteWatch watch = new SqliteWatch(keys, afterRevision, listener, feed);
        long liveAfter = feed.register(watch);
        try {
            List<WatchEvent> history = afterRevision < liveAfter
                    ? readers.read(session -> KvTable.changes(session, keys, afterRevision, liveAfter))
                    : List.of();
            requireHistoryKept(afterRevision);
            watch.start(history);
            return watch;
        } catch (RuntimeException e) {
            watch.close();
            throw e;
        }
    }

    @Override
    public void compact(long revision) {
        writer.compact(revision);
    }

    /** Finishes queued writes, ends every watch and closes the database. */
    @Override
    public void close() {
        writer.close();
        feed.close();
        readers.close();
    }
}
