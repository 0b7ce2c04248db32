package io.kube4j.api.printer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Null-safe reads from Kubernetes JSON objects; absent fields read as Go's zero values. */
final class Json {
    private Json() {
    }

    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node == null ? MissingNode.getInstance() : node;
        for (String field : path) {
            current = current.path(field);
        }
        return current;
    }

    static boolean present(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return !value.isMissingNode() && !value.isNull();
    }

    /** The text of a scalar field, or {@code ""} when absent. */
    static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    static String textOr(String fallback, JsonNode node, String... path) {
        String value = text(node, path);
        return value.isEmpty() ? fallback : value;
    }

    static long number(JsonNode node, String... path) {
        return at(node, path).asLong(0);
    }

    static boolean bool(JsonNode node, String... path) {
        return at(node, path).asBoolean(false);
    }

    static List<JsonNode> items(JsonNode node, String... path) {
        List<JsonNode> result = new ArrayList<>();
        at(node, path).elements().forEachRemaining(result::add);
        return result;
    }

    /** Number of entries of an object or array field. */
    static int size(JsonNode node, String... path) {
        return at(node, path).size();
    }

    static String name(JsonNode object) {
        return text(object, "metadata", "name");
    }

    /** An RFC 3339 timestamp, or {@code null} when the field is absent or empty. */
    static Instant instant(JsonNode timestamp) {
        if (timestamp == null || !timestamp.isTextual() || timestamp.asText().isEmpty()) {
            return null;
        }
        return Instant.parse(timestamp.asText());
    }
}
