package io.kube4j.store.sqlite;

import io.kube4j.store.KeyValue;
import io.kube4j.store.WatchEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL over the one table holding every version of every key. A row is one write: its
 * {@code revision} (the AUTOINCREMENT row id, so never reused even after the newest row is
 * compacted away), the key, the value, the revision the key was created at, the revision of the
 * key's previous row ({@code prev_revision}, 0 for a creation) and whether the write was a delete.
 */
final class KvTable {

    private static final byte[] EMPTY = new byte[0];
    private static final String COMPACTED_REVISION = "compacted_revision";

    private static final String INSERT = "INSERT INTO kv (revision, key, value, create_revision, prev_revision, deleted)"
            + " VALUES (?, ?, ?, ?, ?, ?)";
    private static final String VERSION = "SELECT key, value, create_revision, revision FROM kv WHERE revision = ?";
    private static final String LATEST = "SELECT key, value, create_revision, revision, deleted FROM kv"
            + " WHERE key = ? ORDER BY revision DESC LIMIT 1";
    private static final String DELETE_SUPERSEDED = "DELETE FROM kv WHERE revision IN"
            + " (SELECT prev_revision FROM kv WHERE revision > ? AND revision <= ? AND prev_revision > 0)";
    private static final String DELETE_TOMBSTONES = "DELETE FROM kv WHERE deleted = 1 AND revision > ? AND revision <= ?";
    private static final String SAVE_COMPACTED = "INSERT INTO meta (name, value) VALUES ('" + COMPACTED_REVISION + "', ?)"
            + " ON CONFLICT (name) DO UPDATE SET value = excluded.value";

    private KvTable() {
    }

    static void createSchema(SqliteSession session) throws SQLException {
        session.execute("CREATE TABLE IF NOT EXISTS kv ("
                + " revision INTEGER PRIMARY KEY AUTOINCREMENT,"
                + " key TEXT NOT NULL,"
                + " value BLOB NOT NULL,"
                + " create_revision INTEGER NOT NULL,"
                + " prev_revision INTEGER NOT NULL,"
                + " deleted INTEGER NOT NULL)");
        session.execute("CREATE INDEX IF NOT EXISTS kv_key_revision ON kv (key, revision)");
        session.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
        session.commit();
    }

    /** The highest revision ever assigned, including rows compaction removed since. */
    static long lastRevision(SqliteSession session) throws SQLException {
        return singleLong(session.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'kv'"));
    }

    static long compactedRevision(SqliteSession session) throws SQLException {
        return singleLong(session.prepare("SELECT value FROM meta WHERE name = '" + COMPACTED_REVISION + "'"));
    }

    /** Feeds {@code sink} the key, create revision and revision of the newest row of every live key. */
    static void forEachLiveKey(SqliteSession session, LiveKeySink sink) throws SQLException {
        // SQLite takes the bare columns of an aggregate query from the row holding the MAX().
        PreparedStatement statement = session.prepare(
                "SELECT key, create_revision, MAX(revision), deleted FROM kv GROUP BY key");
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (rows.getInt(4) == 0) {
                    sink.accept(rows.getString(1), rows.getLong(2), rows.getLong(3));
                }
            }
        }
    }

    static void insert(SqliteSession session, long revision, String key, byte[] value, long createRevision,
            long prevRevision, boolean deleted) throws SQLException {
        PreparedStatement statement = session.prepare(INSERT);
        statement.setLong(1, revision);
        statement.setString(2, key);
        statement.setBytes(3, value);
        statement.setLong(4, createRevision);
        statement.setLong(5, prevRevision);
        statement.setInt(6, deleted ? 1 : 0);
        statement.executeUpdate();
    }

    /** The row written at {@code revision}; it must exist (callers only ask for live versions). */
    static KeyValue version(SqliteSession session, long revision) throws SQLException {
        PreparedStatement statement = session.prepare(VERSION);
        statement.setLong(1, revision);
        try (ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new SQLException("no row at revision " + revision);
            }
            return keyValue(rows);
        }
    }

    static Optional<KeyValue> latest(SqliteSession session, String key) throws SQLException {
        PreparedStatement statement = session.prepare(LATEST);
        statement.setString(1, key);
        try (ResultSet rows = statement.executeQuery()) {
            if (!rows.next() || rows.getInt(5) != 0) {
                return Optional.empty();
            }
            return Optional.of(keyValue(rows));
        }
    }

    /**
     * Up to {@code limit} live keys under {@code prefix} after {@code startAfter}, each in its
     * newest version at or below {@code revision}, sorted by key ({@code limit} negative = all).
     */
    static List<KeyValue> range(SqliteSession session, KeyPrefix prefix, String startAfter, int limit, long revision)
            throws SQLException {
        StringBuilder sql = new StringBuilder(
                "SELECT k.key, k.value, k.create_revision, k.revision FROM kv k WHERE k.key >= ?");
        if (!prefix.unbounded()) {
            sql.append(" AND k.key < ?");
        }
        if (startAfter != null) {
            sql.append(" AND k.key > ?");
        }
        sql.append(" AND k.revision <= ? AND k.deleted = 0")
                .append(" AND k.revision = (SELECT MAX(v.revision) FROM kv v WHERE v.key = k.key AND v.revision <= ?)")
                .append(" ORDER BY k.key LIMIT ?");
        PreparedStatement statement = session.prepare(sql.toString());
        int parameter = 1;
        statement.setString(parameter++, prefix.prefix());
        if (!prefix.unbounded()) {
            statement.setString(parameter++, prefix.end());
        }
        if (startAfter != null) {
            statement.setString(parameter++, startAfter);
        }
        statement.setLong(parameter++, revision);
        statement.setLong(parameter++, revision);
        statement.setInt(parameter, limit);
        List<KeyValue> result = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                result.add(keyValue(rows));
            }
        }
        return result;
    }

    /** The changes under {@code prefix} with revision in {@code (after, upTo]}, in revision order. */
    static List<WatchEvent> changes(SqliteSession session, KeyPrefix prefix, long after, long upTo) throws SQLException {
        String sql = "SELECT c.key, c.value, c.create_revision, c.revision, c.deleted,"
                + " p.value, p.create_revision, p.revision, p.deleted"
                + " FROM kv c LEFT JOIN kv p ON p.revision = c.prev_revision"
                + " WHERE c.revision > ? AND c.revision <= ? AND c.key >= ?"
                + (prefix.unbounded() ? "" : " AND c.key < ?")
                + " ORDER BY c.revision";
        PreparedStatement statement = session.prepare(sql);
        statement.setLong(1, after);
        statement.setLong(2, upTo);
        statement.setString(3, prefix.prefix());
        if (!prefix.unbounded()) {
            statement.setString(4, prefix.end());
        }
        List<WatchEvent> result = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                result.add(changeEvent(rows));
            }
        }
        return result;
    }

    /**
     * Deletes, among rows up to {@code revision}, those superseded by a newer row of the same key
     * and the delete markers, then records {@code revision} as compacted. Rows up to
     * {@code previouslyCompacted} are already reduced to one per live key, so only the newer rows
     * are scanned: each names the row it superseded in {@code prev_revision}.
     */
    static void compact(SqliteSession session, long previouslyCompacted, long revision) throws SQLException {
        for (String sql : List.of(DELETE_SUPERSEDED, DELETE_TOMBSTONES)) {
            PreparedStatement statement = session.prepare(sql);
            statement.setLong(1, previouslyCompacted);
            statement.setLong(2, revision);
            statement.executeUpdate();
        }
        PreparedStatement save = session.prepare(SAVE_COMPACTED);
        save.setLong(1, revision);
        save.executeUpdate();
    }

    private static WatchEvent changeEvent(ResultSet rows) throws SQLException {
        String key = rows.getString(1);
        long revision = rows.getLong(4);
        long prevRevision = rows.getLong(8);
        KeyValue prev = prevRevision != 0 && rows.getInt(9) == 0
                ? new KeyValue(key, bytes(rows, 6), rows.getLong(7), prevRevision)
                : null;
        if (rows.getInt(5) != 0) {
            return ChangeFeed.deletion(key, revision, prev);
        }
        return new WatchEvent(WatchEvent.Type.PUT, new KeyValue(key, bytes(rows, 2), rows.getLong(3), revision), prev);
    }

    private static KeyValue keyValue(ResultSet rows) throws SQLException {
        return new KeyValue(rows.getString(1), bytes(rows, 2), rows.getLong(3), rows.getLong(4));
    }

    /** sqlite-jdbc reads a zero-length BLOB back as null. */
    private static byte[] bytes(ResultSet rows, int column) throws SQLException {
        byte[] bytes = rows.getBytes(column);
        return bytes == null ? EMPTY : bytes;
    }

    private static long singleLong(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    @FunctionalInterface
    interface LiveKeySink {
        void accept(String key, long createRevision, long modRevision);
    }
}
