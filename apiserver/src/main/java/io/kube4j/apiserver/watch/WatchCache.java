package io.kube4j.apiserver.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.json.Meta;
import io.kube4j.store.KeyValue;
import io.kube4j.store.KeyValueStore;
import io.kube4j.store.RangeResult;
import io.kube4j.store.WatchEvent;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The API server's in-memory mirror of the whole store, fed by one store watch: serves gets, lists
 * and watches without touching the store (like the kube-apiserver watch cache). Reads that must be
 * consistent first {@link #awaitRevision wait} until the mirror has caught up with the store.
 * A bounded window of recent events lets watches resume from a resourceVersion; older ones get 410.
 */
public final class WatchCache implements AutoCloseable {
    private static final String ROOT = "/registry/";

    private final KeyValueStore store;
    private final int historyCapacity;
    private final NavigableMap<String, CachedObject> objects = new ConcurrentSkipListMap<>();
    // Retained as the store's encoded versions: decoded trees of superseded versions cost ~5x more heap.
    private final ArrayDeque<WatchEvent> history = new ArrayDeque<>();
    // The newest retained version per key, so that the next event's previous version shares its bytes.
    private final Map<String, KeyValue> newestRetained = new HashMap<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private volatile long revision;
    private long oldestResumable;
    private KeyValueStore.Watch storeWatch;

    public WatchCache(KeyValueStore store, int historyCapacity) {
        this.store = store;
        this.historyCapacity = historyCapacity;
    }

    /** Loads every object, then follows the store from that revision on. */
    public void start() {
        long rev = store.currentRevision();
        String after = null;
        RangeResult page;
        do {
            page = store.range(ROOT, after, 10_000, rev);
            for (KeyValue kv : page.kvs()) {
                objects.put(kv.key(), CachedObject.of(kv));
                after = kv.key();
            }
        } while (page.more());
        revision = rev;
        oldestResumable = rev;
        storeWatch = store.watch(ROOT, rev, this::apply);
    }

    public long revision() {
        return revision;
    }

    /** Blocks until the cache reflects at least {@code rev} (normally microseconds after a write). */
    public void awaitRevision(long rev) {
        if (revision >= rev) {
            return;
        }
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (revision < rev) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("watch cache did not reach revision " + rev + " (at " + revision + ")");
                }
                advanced.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the watch cache", e);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the cache has seen every write acknowledged so far. */
    public void awaitConsistent() {
        awaitRevision(store.currentRevision());
    }

    public CachedObject get(String key) {
        return objects.get(key);
    }

    /** Objects whose key starts with {@code prefix}, in key order, starting after {@code startAfter}. */
    public Collection<CachedObject> list(String prefix, String startAfter) {
        NavigableMap<String, CachedObject> range = objects.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
        return startAfter == null ? range.values() : range.tailMap(startAfter, false).values();
    }

    /**
     * Subscribes to changes under {@code prefix}. With {@code afterRevision >= 0} replays the
     * retained events after it first; with -1 starts with a snapshot of the current objects as
     * ADDED events. Throws {@link TooOldException} if that revision is no longer retained.
     */
    public Subscription subscribe(String prefix, long afterRevision, Consumer<CacheEvent> sink) {
        // A revision the cache has not applied yet would otherwise arrive as a live event.
        awaitRevision(afterRevision);
        lock.lock();
        try {
            if (afterRevision >= 0 && afterRevision < oldestResumable) {
                throw new TooOldException(afterRevision, oldestResumable);
            }
            if (afterRevision < 0) {
                for (CachedObject o : list(prefix, null)) {
                    sink.accept(new CacheEvent(CacheEvent.Type.ADDED, o.key(), o.object(), null, o.modRevision()));
                }
            } else {
                for (WatchEvent e : history) {
                    if (e.revision() > afterRevision && e.kv().key().startsWith(prefix)) {
                        sink.accept(decode(e));
                    }
                }
            }
            Subscriber s = new Subscriber(prefix, sink);
            subscribers.add(s);
            return () -> subscribers.remove(s);
        } finally {
            lock.unlock();
        }
    }

    private void apply(WatchEvent event) {
        KeyValue kv = event.kv();
        CachedObject decoded = event.type() == WatchEvent.Type.PUT ? CachedObject.of(kv) : null;
        lock.lock();
        try {
            CacheEvent change = decoded != null ? put(decoded) : remove(event);
            history.addLast(sharingPrevious(event));
            while (history.size() > historyCapacity) {
                oldestResumable = history.removeFirst().revision();
            }
            for (Subscriber s : subscribers) {
                if (change.key().startsWith(s.prefix)) {
                    s.sink.accept(change);
                }
            }
            revision = kv.modRevision();
            advanced.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private CacheEvent put(CachedObject obj) {
        CachedObject prev = objects.put(obj.key(), obj);
        return new CacheEvent(prev == null ? CacheEvent.Type.ADDED : CacheEvent.Type.MODIFIED,
                obj.key(), obj.object(), prev == null ? null : prev.object(), obj.modRevision());
    }

    private CacheEvent remove(WatchEvent event) {
        KeyValue kv = event.kv();
        CachedObject prev = objects.remove(kv.key());
        ObjectNode last = (prev != null ? prev : CachedObject.of(event.prevKv())).object().deepCopy();
        Meta.of(last).put("resourceVersion", Long.toString(kv.modRevision()));
        return new CacheEvent(CacheEvent.Type.DELETED, kv.key(), last, prev == null ? null : prev.object(),
                kv.modRevision());
    }

    private WatchEvent sharingPrevious(WatchEvent event) {
        KeyValue kv = event.kv();
        KeyValue previous = event.prevKv() == null ? null : newestRetained.get(kv.key());
        if (event.type() == WatchEvent.Type.DELETE) {
            newestRetained.remove(kv.key());
        } else {
            newestRetained.put(kv.key(), kv);
        }
        if (previous == null || previous.modRevision() != event.prevKv().modRevision()) {
            return event;
        }
        return new WatchEvent(event.type(), kv, previous);
    }

    /** A retained change as it was delivered live. */
    private static CacheEvent decode(WatchEvent event) {
        KeyValue kv = event.kv();
        ObjectNode previous = event.prevKv() == null ? null : CachedObject.of(event.prevKv()).object();
        if (event.type() == WatchEvent.Type.DELETE) {
            ObjectNode last = previous.deepCopy();
            Meta.of(last).put("resourceVersion", Long.toString(kv.modRevision()));
            return new CacheEvent(CacheEvent.Type.DELETED, kv.key(), last, previous, kv.modRevision());
        }
        return new CacheEvent(previous == null ? CacheEvent.Type.ADDED : CacheEvent.Type.MODIFIED, kv.key(),
                CachedObject.of(kv).object(), previous, kv.modRevision());
    }

    @Override
    public void close() {
        if (storeWatch != null) {
            storeWatch.close();
        }
    }

    private record Subscriber(String prefix, Consumer<CacheEvent> sink) {
    }

    /** A live subscription; closing it stops deliveries. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** The requested resourceVersion is older than the retained window (HTTP 410 Gone). */
    public static final class TooOldException extends RuntimeException {
        public TooOldException(long requested, long oldest) {
            super("too old resource version: " + requested + " (" + oldest + ")");
        }
    }
}
