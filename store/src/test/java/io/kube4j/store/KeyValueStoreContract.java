package io.kube4j.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link KeyValueStore} must have. A backend's test extends this class and
 * says how to open a fresh store in a directory and how to reopen it after {@code close()}.
 * Tests only assume revisions relative to the store's revision when they start.
 */
public abstract class KeyValueStoreContract {

    private static final String PODS = "/registry/pods/";

    @TempDir
    protected Path dir;

    protected KeyValueStore store;

    /** A new, empty store kept in {@code dir}. */
    protected abstract KeyValueStore newStore(Path dir);

    /** The store that {@link #newStore} created in {@code dir}, opened again after it was closed. */
    protected abstract KeyValueStore reopen(Path dir);

    @BeforeEach
    void openStore() {
        store = newStore(dir);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    protected static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }

    private void reopenStore() {
        store.close();
        store = reopen(dir);
    }

    private List<String> keys(RangeResult result) {
        return result.kvs().stream().map(KeyValue::key).toList();
    }

    private List<String> values(RangeResult result) {
        return result.kvs().stream().map(kv -> text(kv.value())).toList();
    }

    // --- create / get / update / delete

    @Test
    void createdKeyIsReturnedByGet() {
        long before = store.currentRevision();

        KeyValue created = store.create(PODS + "default/web", bytes("v1"));

        assertTrue(created.modRevision() > before);
        assertEquals(created.modRevision(), created.createRevision());
        assertEquals(created.modRevision(), store.currentRevision());
        KeyValue read = store.get(PODS + "default/web").orElseThrow();
        assertEquals("v1", text(read.value()));
        assertEquals(created.createRevision(), read.createRevision());
        assertEquals(created.modRevision(), read.modRevision());
        assertTrue(store.get(PODS + "default/other").isEmpty());
    }

    @Test
    void emptyValueIsStoredAsEmpty() {
        store.create("/empty", new byte[0]);

        assertArrayEquals(new byte[0], store.get("/empty").orElseThrow().value());
    }

    @Test
    void createOfExistingKeyFailsWithKeyExists() {
        store.create("/a", bytes("first"));
        long revision = store.currentRevision();

        assertThrows(StoreException.KeyExists.class, () -> store.create("/a", bytes("second")));

        assertEquals("first", text(store.get("/a").orElseThrow().value()));
        assertEquals(revision, store.currentRevision(), "a failed write takes no revision");
    }

    @Test
    void updateReplacesValueAndKeepsCreateRevision() {
        KeyValue created = store.create("/a", bytes("v1"));

        KeyValue updated = store.update("/a", bytes("v2"), created.modRevision());

        assertTrue(updated.modRevision() > created.modRevision());
        assertEquals(created.createRevision(), updated.createRevision());
        assertEquals("v2", text(updated.value()));
        KeyValue read = store.get("/a").orElseThrow();
        assertEquals("v2", text(read.value()));
        assertEquals(updated.modRevision(), read.modRevision());
        assertEquals(created.createRevision(), read.createRevision());
    }

    @Test
    void updateWithStaleRevisionFailsWithConflictNamingTheCurrentVersion() {
        KeyValue created = store.create("/a", bytes("v1"));
        KeyValue updated = store.update("/a", bytes("v2"), created.modRevision());

        StoreException.Conflict conflict = assertThrows(StoreException.Conflict.class,
                () -> store.update("/a", bytes("v3"), created.modRevision()));

        assertEquals(updated.modRevision(), conflict.current().modRevision());
        assertEquals("v2", text(conflict.current().value()));
        assertEquals("v2", text(store.get("/a").orElseThrow().value()));
    }

    @Test
    void updateOfMissingKeyFailsWithKeyNotFound() {
        assertThrows(StoreException.KeyNotFound.class, () -> store.update("/missing", bytes("v"), 1));
        KeyValue created = store.create("/gone", bytes("v"));
        store.delete("/gone", created.modRevision());

        assertThrows(StoreException.KeyNotFound.class, () -> store.update("/gone", bytes("v"), created.modRevision()));
    }

    @Test
    void deleteReturnsTheDeletedVersionAndRemovesTheKey() {
        KeyValue created = store.create("/a", bytes("v1"));

        KeyValue deleted = store.delete("/a", created.modRevision());

        assertEquals("v1", text(deleted.value()));
        assertEquals(created.modRevision(), deleted.modRevision());
        assertTrue(store.get("/a").isEmpty());
        assertTrue(store.currentRevision() > created.modRevision(), "a delete takes a revision");
    }

    @Test
    void deleteChecksTheExpectedRevisionUnlessItIsZero() {
        KeyValue created = store.create("/a", bytes("v1"));
        KeyValue updated = store.update("/a", bytes("v2"), created.modRevision());

        StoreException.Conflict conflict = assertThrows(StoreException.Conflict.class,
                () -> store.delete("/a", created.modRevision()));
        assertEquals(updated.modRevision(), conflict.current().modRevision());
        assertTrue(store.get("/a").isPresent());

        assertEquals("v2", text(store.delete("/a", 0).value()));
        assertTrue(store.get("/a").isEmpty());
    }

    @Test
    void deleteOfMissingKeyFailsWithKeyNotFound() {
        assertThrows(StoreException.KeyNotFound.class, () -> store.delete("/missing", 0));
    }

    @Test
    void recreatedKeyStartsANewCreateRevision() {
        KeyValue first = store.create("/a", bytes("v1"));
        store.delete("/a", 0);

        KeyValue second = store.create("/a", bytes("v2"));

        assertTrue(second.createRevision() > first.createRevision());
        assertEquals(second.createRevision(), second.modRevision());
        assertEquals("v2", text(store.get("/a").orElseThrow().value()));
    }

    // --- revisions

    @Test
    void everyWriteTakesANewHigherRevisionAcrossAllKeys() {
        long previous = store.currentRevision();
        List<KeyValue> writes = new ArrayList<>();
        writes.add(store.create("/x", bytes("1")));
        writes.add(store.create("/y", bytes("1")));
        writes.add(store.update("/x", bytes("2"), writes.get(0).modRevision()));
        writes.add(store.create("/z", bytes("1")));
        store.delete("/y", 0);
        long deletedAt = store.currentRevision();

        for (KeyValue write : writes) {
            assertTrue(write.modRevision() > previous, "revisions must increase: " + writes);
            previous = write.modRevision();
        }
        assertTrue(deletedAt > previous);
        assertEquals(deletedAt, store.currentRevision());
    }

    // --- range and count

    @Test
    void rangeListsLiveKeysUnderThePrefixInKeyOrder() {
        store.create(PODS + "ns1/b", bytes("b"));
        store.create(PODS + "ns1/a", bytes("a"));
        store.create(PODS + "ns2/c", bytes("c"));
        store.create("/registry/podsx/d", bytes("d"));
        store.create("/registry/services/e", bytes("e"));
        store.create(PODS + "ns1/gone", bytes("g"));
        store.delete(PODS + "ns1/gone", 0);

        RangeResult pods = store.range(PODS, null, 0, 0);
        assertEquals(List.of(PODS + "ns1/a", PODS + "ns1/b", PODS + "ns2/c"), keys(pods));
        assertEquals(List.of("a", "b", "c"), values(pods));
        assertEquals(store.currentRevision(), pods.revision());
        assertFalse(pods.more());

        assertEquals(List.of(PODS + "ns1/a", PODS + "ns1/b"), keys(store.range(PODS + "ns1/", null, 0, 0)));
        assertEquals(6 - 1, store.range("", null, 0, 0).kvs().size());
        assertTrue(store.range("/registry/nothing/", null, 0, 0).kvs().isEmpty());
    }

    @Test
    void rangePagesWithStartAfterAndLimitOnOneSnapshot() {
        for (String name : List.of("k1", "k2", "k3", "k4", "k5")) {
            store.create("/p/" + name, bytes(name));
        }

        RangeResult first = store.range("/p/", null, 2, 0);
        assertEquals(List.of("/p/k1", "/p/k2"), keys(first));
        assertTrue(first.more());

        store.create("/p/k35", bytes("new"));
        store.update("/p/k4", bytes("changed"), store.get("/p/k4").orElseThrow().modRevision());

        RangeResult second = store.range("/p/", "/p/k2", 2, first.revision());
        assertEquals(List.of("/p/k3", "/p/k4"), keys(second));
        assertEquals(List.of("k3", "k4"), values(second));
        assertEquals(first.revision(), second.revision());
        assertTrue(second.more());

        RangeResult third = store.range("/p/", "/p/k4", 2, first.revision());
        assertEquals(List.of("/p/k5"), keys(third));
        assertFalse(third.more());
    }

    @Test
    void rangeWithLimitEqualToTheKeyCountHasNoMore() {
        store.create("/p/a", bytes("a"));
        store.create("/p/b", bytes("b"));

        RangeResult result = store.range("/p/", null, 2, 0);

        assertEquals(2, result.kvs().size());
        assertFalse(result.more());
    }

    @Test
    void rangeAtAPastRevisionShowsTheKeysAsTheyWere() {
        KeyValue a = store.create("/p/a", bytes("a1"));
        store.create("/p/b", bytes("b1"));
        long past = store.currentRevision();
        store.update("/p/a", bytes("a2"), a.modRevision());
        store.delete("/p/b", 0);
        store.create("/p/c", bytes("c1"));

        RangeResult then = store.range("/p/", null, 0, past);
        assertEquals(List.of("/p/a", "/p/b"), keys(then));
        assertEquals(List.of("a1", "b1"), values(then));
        assertEquals(past, then.revision());
        assertEquals(a.modRevision(), then.kvs().get(0).modRevision());

        RangeResult now = store.range("/p/", null, 0, 0);
        assertEquals(List.of("/p/a", "/p/c"), keys(now));
        assertEquals(List.of("a2", "c1"), values(now));
    }

    @Test
    void countCountsLiveKeysUnderThePrefix() {
        store.create(PODS + "ns1/a", bytes("a"));
        store.create(PODS + "ns1/b", bytes("b"));
        store.create(PODS + "ns2/c", bytes("c"));
        store.create("/registry/podsx/d", bytes("d"));
        store.delete(PODS + "ns1/b", 0);

        assertEquals(2, store.count(PODS));
        assertEquals(1, store.count(PODS + "ns1/"));
        assertEquals(0, store.count("/registry/none/"));
        assertEquals(3, store.count(""));
    }

    // --- watch

    @Test
    void watchReplaysHistoryThenDeliversLiveChangesUnderThePrefix() {
        long start = store.currentRevision();
        KeyValue a1 = store.create(PODS + "a", bytes("a1"));
        store.create("/registry/services/s", bytes("s1"));
        KeyValue a2 = store.update(PODS + "a", bytes("a2"), a1.modRevision());
        EventCollector events = new EventCollector();

        try (KeyValueStore.Watch ignored = store.watch(PODS, start, events)) {
            List<WatchEvent> history = events.take(2);
            assertPut(history.get(0), PODS + "a", "a1", a1.modRevision(), null);
            assertPut(history.get(1), PODS + "a", "a2", a2.modRevision(), "a1");

            store.create("/registry/services/t", bytes("t1"));
            KeyValue b = store.create(PODS + "b", bytes("b1"));
            store.delete(PODS + "a", a2.modRevision());
            long deletedAt = store.currentRevision();

            List<WatchEvent> live = events.take(2);
            assertPut(live.get(0), PODS + "b", "b1", b.modRevision(), null);
            WatchEvent deletion = live.get(1);
            assertEquals(WatchEvent.Type.DELETE, deletion.type());
            assertEquals(PODS + "a", deletion.kv().key());
            assertEquals(deletedAt, deletion.revision());
            assertEquals("a2", text(deletion.prevKv().value()));
            assertEquals(a2.modRevision(), deletion.prevKv().modRevision());
            events.assertNothingWithin(200);
        }
    }

    @Test
    void historyAndLiveDeletionsLookTheSame() {
        long start = store.currentRevision();
        store.create("/p/a", bytes("a1"));
        store.delete("/p/a", 0);
        EventCollector history = new EventCollector();
        EventCollector live = new EventCollector();
        try (KeyValueStore.Watch watchingLive = store.watch("/p/", store.currentRevision(), live)) {
            store.create("/p/a", bytes("a1"));
            store.delete("/p/a", 0);
            List<WatchEvent> liveEvents = live.take(2);
            try (KeyValueStore.Watch replaying = store.watch("/p/", start, history)) {
                List<WatchEvent> replayed = history.take(4);
                assertSameShape(replayed.get(1), liveEvents.get(1));
                assertSameShape(replayed.get(3), liveEvents.get(1));
                assertNull(replayed.get(2).prevKv(), "a create after a delete has no previous version");
            }
        }
    }

    @Test
    void watchStartsAfterTheGivenRevision() {
        store.create("/p/a", bytes("1"));
        KeyValue second = store.create("/p/b", bytes("2"));
        KeyValue third = store.create("/p/c", bytes("3"));
        EventCollector events = new EventCollector();

        try (KeyValueStore.Watch ignored = store.watch("/p/", second.modRevision(), events)) {
            assertEquals(third.modRevision(), events.take(1).get(0).revision());
            events.assertNothingWithin(200);
        }
    }

    @Test
    void watchHasNoGapsOrDuplicatesWhileWritesRace() throws Exception {
        long start = store.currentRevision();
        int writes = 400;
        List<Long> written = new ArrayList<>();
        CountDownLatch halfway = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writing = writer.submit(() -> {
            for (int i = 0; i < writes; i++) {
                written.add(store.create("/race/" + i, bytes("v")).modRevision());
                if (i == writes / 2) {
                    halfway.countDown();
                }
            }
        });
        assertTrue(halfway.await(30, TimeUnit.SECONDS));
        EventCollector events = new EventCollector();

        try (KeyValueStore.Watch ignored = store.watch("/race/", start, events)) {
            writing.get(60, TimeUnit.SECONDS);
            List<Long> seen = events.take(writes).stream().map(WatchEvent::revision).toList();
            assertEquals(written, seen);
            events.assertNothingWithin(200);
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void slowListenerDoesNotHoldUpWriters() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger delivered = new AtomicInteger();
        try (KeyValueStore.Watch ignored = store.watch("/slow/", store.currentRevision(), event -> {
            awaitQuietly(release);
            delivered.incrementAndGet();
        })) {
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                Future<?> writing = writer.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        store.create("/slow/" + i, bytes("v"));
                    }
                });
                writing.get(30, TimeUnit.SECONDS);
            } finally {
                writer.shutdownNow();
            }
            assertEquals(0, delivered.get());
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (delivered.get() < 100 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(100, delivered.get());
        }
    }

    @Test
    void closedWatchReceivesNothingMore() {
        EventCollector events = new EventCollector();
        KeyValueStore.Watch watch = store.watch("/p/", store.currentRevision(), events);
        store.create("/p/a", bytes("1"));
        events.take(1);

        watch.close();
        store.create("/p/b", bytes("2"));

        events.assertNothingWithin(200);
    }

    // --- concurrency

    @Test
    void concurrentCreatesFrom16ThreadsAllSucceedWithDistinctRevisions() throws Exception {
        int threads = 16;
        int perThread = 50;
        List<Callable<List<Long>>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(() -> {
                List<Long> revisions = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    revisions.add(store.create("/c/" + thread + "/" + i, bytes("v")).modRevision());
                }
                return revisions;
            });
        }

        Set<Long> revisions = new HashSet<>();
        for (List<Long> written : runConcurrently(writers)) {
            revisions.addAll(written);
        }

        assertEquals(threads * perThread, revisions.size(), "every create has its own revision");
        assertEquals(threads * perThread, store.count("/c/"));
        assertEquals(revisions.stream().mapToLong(Long::longValue).max().orElseThrow(), store.currentRevision());
    }

    @Test
    void concurrentCompareAndSwapLetsExactlyOneWriterWin() throws Exception {
        KeyValue current = store.create("/cas", bytes("0"));
        for (int round = 0; round < 5; round++) {
            long expected = current.modRevision();
            List<Callable<KeyValue>> writers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                String value = round + "-" + t;
                writers.add(() -> {
                    try {
                        return store.update("/cas", bytes(value), expected);
                    } catch (StoreException.Conflict lost) {
                        return null;
                    }
                });
            }
            List<KeyValue> winners = runConcurrently(writers).stream().filter(kv -> kv != null).toList();
            assertEquals(1, winners.size(), "round " + round);
            current = winners.get(0);
            assertEquals(text(current.value()), text(store.get("/cas").orElseThrow().value()));
        }
    }

    // --- compaction

    @Test
    void compactionRemovesHistoryButKeepsTheLatestValues() {
        KeyValue a = store.create("/p/a", bytes("a1"));
        store.update("/p/a", bytes("a2"), a.modRevision());
        store.create("/p/b", bytes("b1"));
        long beforeDelete = store.currentRevision();
        store.delete("/p/b", 0);
        store.create("/p/c", bytes("c1"));
        long compacted = store.currentRevision();

        store.compact(compacted);

        assertEquals(compacted, store.compactedRevision());
        assertThrows(StoreException.Compacted.class, () -> store.range("/p/", null, 0, beforeDelete));
        assertThrows(StoreException.Compacted.class, () -> store.watch("/p/", beforeDelete, new EventCollector()));
        assertEquals(List.of("a2", "c1"), values(store.range("/p/", null, 0, 0)));
        assertEquals(List.of("a2", "c1"), values(store.range("/p/", null, 0, compacted)));
        assertEquals("a2", text(store.get("/p/a").orElseThrow().value()));
        assertTrue(store.get("/p/b").isEmpty());
        assertEquals(2, store.count("/p/"));

        KeyValue next = store.create("/p/d", bytes("d1"));
        assertTrue(next.modRevision() > compacted, "revisions continue after compaction");
        assertThrows(StoreException.Compacted.class, () -> store.range("/p/", null, 0, compacted),
                "the compacted revision is readable only while it is the latest");
    }

    @Test
    void compactionKeepsWhatLaterRevisionsNeed() {
        KeyValue a1 = store.create("/p/a", bytes("a1"));
        KeyValue b1 = store.create("/p/b", bytes("b1"));
        KeyValue a2 = store.update("/p/a", bytes("a2"), a1.modRevision());
        store.delete("/p/b", b1.modRevision());
        long afterDelete = store.currentRevision();
        KeyValue a3 = store.update("/p/a", bytes("a3"), a2.modRevision());

        store.compact(a2.modRevision());

        assertEquals(List.of("a2"), values(store.range("/p/", null, 0, afterDelete)));
        assertThrows(StoreException.Compacted.class, () -> store.range("/p/", null, 0, a1.modRevision()));
        EventCollector events = new EventCollector();
        try (KeyValueStore.Watch ignored = store.watch("/p/", a2.modRevision(), events)) {
            List<WatchEvent> replayed = events.take(2);
            assertEquals(WatchEvent.Type.DELETE, replayed.get(0).type());
            assertEquals("b1", text(replayed.get(0).prevKv().value()));
            assertPut(replayed.get(1), "/p/a", "a3", a3.modRevision(), "a2");
        }
    }

    @Test
    void compactionBeyondTheCurrentRevisionFails() {
        store.create("/p/a", bytes("a"));

        assertThrows(StoreException.class, () -> store.compact(store.currentRevision() + 10));
        assertTrue(store.compactedRevision() < store.currentRevision());
    }

    // --- durability

    @Test
    void reopenedStoreKeepsAcknowledgedWritesAndTheRevisionCounter() {
        long start = store.currentRevision();
        KeyValue a = store.create("/p/a", bytes("a1"));
        store.update("/p/a", bytes("a2"), a.modRevision());
        store.create("/p/b", bytes("b1"));
        store.delete("/p/b", 0);
        long revision = store.currentRevision();

        reopenStore();

        assertEquals(revision, store.currentRevision());
        KeyValue reread = store.get("/p/a").orElseThrow();
        assertEquals("a2", text(reread.value()));
        assertEquals(a.createRevision(), reread.createRevision());
        assertTrue(store.get("/p/b").isEmpty());
        assertEquals(1, store.count("/p/"));
        assertEquals(List.of("a1"), values(store.range("/p/", null, 0, a.modRevision())));
        assertThrows(StoreException.KeyExists.class, () -> store.create("/p/a", bytes("again")));
        EventCollector events = new EventCollector();
        try (KeyValueStore.Watch ignored = store.watch("/p/", start, events)) {
            assertEquals(4, events.takeThrough(revision).size());
        }
        assertTrue(store.create("/p/c", bytes("c1")).modRevision() > revision);
    }

    @Test
    void revisionsAreNotReusedAfterTheNewestWriteWasCompactedAway() {
        store.create("/p/a", bytes("a"));
        store.delete("/p/a", 0);
        long deletedAt = store.currentRevision();
        store.compact(deletedAt);

        reopenStore();

        assertEquals(deletedAt, store.currentRevision());
        assertEquals(deletedAt, store.compactedRevision());
        assertTrue(store.create("/p/a", bytes("again")).modRevision() > deletedAt);
    }

    // --- helpers

    private static void assertPut(WatchEvent event, String key, String value, long revision, String previousValue) {
        assertEquals(WatchEvent.Type.PUT, event.type());
        assertEquals(key, event.kv().key());
        assertEquals(value, text(event.kv().value()));
        assertEquals(revision, event.revision());
        if (previousValue == null) {
            assertNull(event.prevKv());
        } else {
            assertEquals(previousValue, text(event.prevKv().value()));
        }
    }

    private static void assertSameShape(WatchEvent replayed, WatchEvent live) {
        assertEquals(live.type(), replayed.type());
        assertEquals(live.kv().key(), replayed.kv().key());
        assertArrayEquals(live.kv().value(), replayed.kv().value());
        assertEquals(live.kv().createRevision(), replayed.kv().createRevision());
        assertEquals(text(live.prevKv().value()), text(replayed.prevKv().value()));
    }

    private static <T> List<T> runConcurrently(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
