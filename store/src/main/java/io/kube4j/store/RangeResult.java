package io.kube4j.store;

import java.util.List;

/**
 * A page of a range read, sorted by key. {@code revision} is the store revision the page was read
 * at (pass it back to read the next page consistently); {@code more} tells whether keys remain
 * after the last one returned.
 */
public record RangeResult(List<KeyValue> kvs, long revision, boolean more) {
}
