package io.kube4j.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes the {@code metadata} of an object held as a JSON tree. */
public final class Meta {
    private Meta() {
    }

    /** The object's metadata, created if absent. */
    public static ObjectNode of(ObjectNode obj) {
        JsonNode m = obj.get("metadata");
        if (m instanceof ObjectNode o) {
            return o;
        }
        return obj.putObject("metadata");
    }

    public static String name(JsonNode obj) {
        return text(obj.path("metadata").get("name"));
    }

    public static String namespace(JsonNode obj) {
        return text(obj.path("metadata").get("namespace"));
    }

    public static String uid(JsonNode obj) {
        return text(obj.path("metadata").get("uid"));
    }

    public static String resourceVersion(JsonNode obj) {
        return text(obj.path("metadata").get("resourceVersion"));
    }

    public static boolean isDeleting(JsonNode obj) {
        return obj.path("metadata").hasNonNull("deletionTimestamp");
    }

    public static Map<String, String> labels(JsonNode obj) {
        return stringMap(obj.path("metadata").path("labels"));
    }

    public static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> result = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
        }
        return result;
    }

    /** A JSON text value, or null for missing/null/empty. */
    public static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String s = node.asText();
        return s.isEmpty() ? null : s;
    }
}
