package io.kube4j.api.patch;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Comparator;

/** Comparisons of JSON values with JSON semantics: {@code 1}, {@code 1.0} and {@code 1L} are equal. */
public final class JsonValues {

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonValues() {
    }

    /** Deep equality; null (absent) equals only null. */
    public static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(NUMBERS_BY_VALUE, b);
    }

    /** The JSON type name as Go's encoding/json names it in errors ("object", "array", "number"...). */
    static String goKind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isObject()) {
            return "object";
        }
        if (node.isArray()) {
            return "array";
        }
        if (node.isNumber()) {
            return "number";
        }
        return node.isBoolean() ? "bool" : "string";
    }
}
