package io.kube4j.apiserver.registry;

import io.kube4j.apiserver.watch.CachedObject;
import io.kube4j.store.KeyValue;
import io.kube4j.store.KeyValueStore;
import io.kube4j.store.RangeResult;
import io.kube4j.store.StoreException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads objects from the store at a past revision, page by page: continues a paged list when the
 * cache has moved on since its first page, so all pages show one consistent snapshot.
 */
final class StorePager implements Iterator<CachedObject> {
    private static final int PAGE = 500;

    private final KeyValueStore store;
    private final String prefix;
    private final long revision;
    private final ArrayDeque<KeyValue> buffer = new ArrayDeque<>();
    private String lastKey;
    private boolean more = true;

    StorePager(KeyValueStore store, String prefix, String startAfter, long revision) {
        this.store = store;
        this.prefix = prefix;
        this.lastKey = startAfter;
        this.revision = revision;
    }

    @Override
    public boolean hasNext() {
        if (buffer.isEmpty() && more) {
            RangeResult page;
            try {
                page = store.range(prefix, lastKey, PAGE, revision);
            } catch (StoreException.Compacted e) {
                throw ApiException.gone("The provided continue parameter is too old to display a consistent list result. "
                        + "You can start a new list without the continue parameter.");
            }
            buffer.addAll(page.kvs());
            more = page.more();
            if (!page.kvs().isEmpty()) {
                lastKey = page.kvs().get(page.kvs().size() - 1).key();
            }
        }
        return !buffer.isEmpty();
    }

    @Override
    public CachedObject next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return CachedObject.of(buffer.removeFirst());
    }
}
