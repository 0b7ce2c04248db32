package io.kube4j.store.sqlite;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The revisions of every live key's newest version, kept in memory so the writer checks
 * create and compare-and-swap preconditions without reading the table. Only the writer thread
 * changes it, after a commit; readers may look at it concurrently.
 */
final class KeyIndex {

    /** The revision a live key was created at and the revision of its newest version. */
    record Revisions(long createRevision, long modRevision) {
    }

    private final ConcurrentSkipListMap<String, Revisions> live = new ConcurrentSkipListMap<>();

    Revisions get(String key) {
        return live.get(key);
    }

    void put(String key, Revisions revisions) {
        live.put(key, revisions);
    }

    /** Keys starting with a prefix are contiguous in any lexicographic order, so the scan stops at the first miss. */
    long count(String prefix) {
        long count = 0;
        for (String key : live.tailMap(prefix).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            count++;
        }
        return count;
    }

    /** Applies a committed batch: a null value means the key was deleted. */
    void apply(Map<String, Revisions> changes) {
        changes.forEach((key, revisions) -> {
            if (revisions == null) {
                live.remove(key);
            } else {
                live.put(key, revisions);
            }
        });
    }
}
