package io.kube4j.store.sqlite;

/**
 * A key prefix as a half-open key interval {@code [prefix, end)} in SQLite's BINARY collation,
 * which compares UTF-8 bytes and therefore orders strings by code point.
 */
record KeyPrefix(String prefix, String end) {

    private static final int MAX_CODE_POINT = Character.MAX_CODE_POINT;

    static KeyPrefix of(String prefix) {
        return new KeyPrefix(prefix, endOf(prefix));
    }

    /** True when the prefix is empty or made only of the highest code point: no upper bound. */
    boolean unbounded() {
        return end == null;
    }

    boolean matches(String key) {
        return key.startsWith(prefix);
    }

    /**
     * The smallest string greater than every string starting with {@code prefix}: the prefix
     * with its last incrementable code point incremented and everything after it dropped.
     */
    private static String endOf(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        for (int i = codePoints.length - 1; i >= 0; i--) {
            if (codePoints[i] < MAX_CODE_POINT) {
                int next = codePoints[i] + 1;
                if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
                    next = Character.MAX_SURROGATE + 1;
                }
                return new String(codePoints, 0, i) + Character.toString(next);
            }
        }
        return null;
    }
}
