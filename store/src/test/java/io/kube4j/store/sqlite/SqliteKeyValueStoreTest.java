package io.kube4j.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kube4j.store.KeyValue;
import io.kube4j.store.KeyValueStore;
import io.kube4j.store.KeyValueStoreContract;
import io.kube4j.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class SqliteKeyValueStoreTest extends KeyValueStoreContract {

    @Override
    protected KeyValueStore newStore(Path dir) {
        return SqliteKeyValueStore.open(dir.resolve("kube4j.db"));
    }

    @Override
    protected KeyValueStore reopen(Path dir) {
        return SqliteKeyValueStore.open(dir.resolve("kube4j.db"));
    }

    @Test
    void newStoreStartsAtRevisionZero() {
        assertEquals(0, store.currentRevision());
        assertEquals(0, store.compactedRevision());
    }

    @Test
    void revisionsAreConsecutive() {
        assertEquals(1, store.create("/a", bytes("1")).modRevision());
        assertEquals(2, store.create("/b", bytes("1")).modRevision());
        store.delete("/a", 0);
        assertEquals(3, store.currentRevision());
    }

    @Test
    void rangeAtAFutureRevisionFails() {
        store.create("/a", bytes("1"));

        StoreException failure = assertThrows(StoreException.class, () -> store.range("/", null, 0, 5));
        assertTrue(failure.getMessage().contains("future"), failure.getMessage());
    }

    @Test
    void prefixesWithNonAsciiCharactersMatchOnlyTheirKeys() {
        store.create("/ü/a", bytes("1"));
        store.create("/ü\uFFFF", bytes("2"));
        store.create("/ü\uD83D\uDE00/b", bytes("3"));
        store.create("/ý/c", bytes("4"));

        assertEquals(3, store.range("/ü", null, 0, 0).kvs().size());
        assertEquals(1, store.range("/ü/", null, 0, 0).kvs().size());
        assertEquals(1, store.range("/ü\uD83D\uDE00", null, 0, 0).kvs().size());
        assertEquals(3, store.count("/ü"));
    }

    @Test
    void compactionLeavesOneRowPerLiveKey() throws Exception {
        KeyValue a = store.create("/a", bytes("1"));
        store.update("/a", bytes("2"), a.modRevision());
        store.create("/b", bytes("1"));
        store.delete("/b", 0);
        store.create("/c", bytes("1"));
        assertEquals(5, rowCount());

        store.compact(store.currentRevision());

        assertEquals(2, rowCount());
    }

    private long rowCount() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("kube4j.db"));
                ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM kv")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void closeIsIdempotentAndLaterCallsFail() {
        store.close();
        store.close();

        assertThrows(StoreException.class, () -> store.create("/a", bytes("1")));
        assertThrows(StoreException.class, () -> store.get("/a"));
        store = reopen(dir);
    }
}
