package io.kube4j.controllers;

import java.util.List;

/** Go's zero values for the optional fields the API leaves out: controllers read an absent count as 0, a list as empty. */
public final class ZeroValues {
    private ZeroValues() {
    }

    public static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    public static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    public static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
