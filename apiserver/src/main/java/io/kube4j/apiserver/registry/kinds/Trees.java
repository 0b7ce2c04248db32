package io.kube4j.apiserver.registry.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small reads and writes on JSON trees, where a JSON {@code null} counts as absent (as Go's decoder has it). */
final class Trees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Trees() {
    }

    static boolean absent(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        return value == null || value.isNull();
    }

    /** The object under {@code field}, created (replacing a null) if absent. */
    static ObjectNode object(ObjectNode parent, String field) {
        if (parent.get(field) instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }

    /** The array under {@code field}, created (replacing a null) if absent. */
    static ArrayNode array(ObjectNode parent, String field) {
        if (parent.get(field) instanceof ArrayNode a) {
            return a;
        }
        return parent.putArray(field);
    }

    /** The object under {@code field}, or null if there is none. */
    static ObjectNode objectOrNull(JsonNode parent, String field) {
        return parent.get(field) instanceof ObjectNode o ? o : null;
    }

    /** The objects of the array under {@code field}; empty if there is no such array. */
    static List<ObjectNode> objects(JsonNode parent, String field) {
        List<ObjectNode> result = new ArrayList<>();
        JsonNode array = parent.get(field);
        if (array != null && array.isArray()) {
            array.forEach(n -> {
                if (n instanceof ObjectNode o) {
                    result.add(o);
                }
            });
        }
        return result;
    }

    static List<String> strings(JsonNode parent, String field) {
        List<String> result = new ArrayList<>();
        JsonNode array = parent.get(field);
        if (array != null && array.isArray()) {
            array.forEach(n -> result.add(n.asText()));
        }
        return result;
    }

    static void putIfAbsent(ObjectNode node, String field, String value) {
        if (absent(node, field) || node.get(field).asText().isEmpty()) {
            node.put(field, value);
        }
    }

    static void putIfAbsent(ObjectNode node, String field, int value) {
        if (absent(node, field)) {
            node.put(field, value);
        }
    }

    static void putIfAbsent(ObjectNode node, String field, boolean value) {
        if (absent(node, field)) {
            node.put(field, value);
        }
    }

    /** Copies {@code field} of {@code from} into {@code to}, removing it from {@code to} if {@code from} lacks it. */
    static void copy(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value == null || value.isNull()) {
            to.remove(field);
        } else {
            to.set(field, value.deepCopy());
        }
    }

    /** A text field, or null if missing, null or empty. */
    static String text(JsonNode parent, String field) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        String s = value.asText();
        return s.isEmpty() ? null : s;
    }

    /** Whether two trees are equal the way upstream's semantic equality sees decoded objects. */
    static boolean sameTree(JsonNode a, JsonNode b) {
        return normalized(a).equals(normalized(b));
    }

    /**
     * A copy without null fields and empty lists (both decode to nothing in Go), with numbers held
     * as longs or decimals so that 30 and 30L compare equal.
     */
    static JsonNode normalized(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return MissingNode.getInstance();
        }
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode value = normalized(e.getValue());
                if (!value.isMissingNode() && !(value.isArray() && value.isEmpty())) {
                    copy.set(e.getKey(), value);
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(item -> copy.add(normalized(item)));
            return copy;
        }
        if (node.isIntegralNumber()) {
            return NODES.numberNode(node.asLong());
        }
        if (node.isNumber()) {
            return NODES.numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }
}
