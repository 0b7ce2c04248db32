package io.kube4j.api.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.patch.SchemaPaths;
import io.kube4j.api.schema.TypeSchema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The value operations of server-side apply: merging an applied configuration into the live object
 * (objects field by field, associative lists and sets element by element, everything else replaced;
 * {@code null} removes), and removing one owned path from an object.
 */
final class ApplyMerge {

    private ApplyMerge() {
    }

    /** The live value (null when absent) with the configuration merged in; neither is modified. */
    static JsonNode merge(JsonNode live, JsonNode config, TypeSchema schema) {
        if (config.isObject()) {
            ObjectNode result = live != null && live.isObject()
                    ? ((ObjectNode) live).deepCopy()
                    : JsonNodeFactory.instance.objectNode();
            config.properties().forEach(field -> {
                if (field.getValue().isNull()) {
                    result.remove(field.getKey());
                } else {
                    result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue(),
                            SchemaPaths.child(schema, field.getKey())));
                }
            });
            return result;
        }
        ListShape shape = ListShape.of(schema);
        if (config.isArray() && live != null && live.isArray() && !shape.atomic()) {
            return mergeList(live, config, shape);
        }
        return config.deepCopy();
    }

    /**
     * Merges element by element: elements only the live list has keep their place, the configured ones
     * follow the configuration's order.
     */
    private static ArrayNode mergeList(JsonNode live, JsonNode config, ListShape shape) {
        List<String> liveOrder = new ArrayList<>();
        Map<String, JsonNode> liveItems = new LinkedHashMap<>();
        live.forEach(item -> {
            String element = shape.elementOf(item);
            liveOrder.add(element);
            liveItems.putIfAbsent(element, item);
        });
        List<String> configOrder = new ArrayList<>();
        Map<String, JsonNode> configItems = new LinkedHashMap<>();
        config.forEach(item -> {
            String element = shape.elementOf(item);
            configOrder.add(element);
            configItems.put(element, item);
        });
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        Set<String> emitted = new HashSet<>();
        int l = 0;
        int c = 0;
        while (l < liveOrder.size() || c < configOrder.size()) {
            if (l < liveOrder.size() && (!configItems.containsKey(liveOrder.get(l)) || emitted.contains(liveOrder.get(l)))) {
                if (!emitted.contains(liveOrder.get(l))) {
                    result.add(live.get(l).deepCopy());
                }
                l++;
            } else if (c < configOrder.size()) {
                String element = configOrder.get(c++);
                if (emitted.add(element)) {
                    result.add(merge(liveItems.get(element), configItems.get(element), shape.elements()));
                }
            } else {
                l++;
            }
        }
        return result;
    }

    /** Removes the value at {@code path} (a field, or the matching list elements) from {@code root}, if present. */
    static void remove(ObjectNode root, List<String> path, TypeSchema schema) {
        JsonNode node = root;
        TypeSchema nodeSchema = schema;
        for (int i = 0; i < path.size() - 1 && node != null; i++) {
            String element = path.get(i);
            if (PathElements.isField(element)) {
                String name = PathElements.fieldName(element);
                node = node.isObject() ? node.get(name) : null;
                nodeSchema = SchemaPaths.child(nodeSchema, name);
            } else {
                node = node.isArray() ? find(node, element, ListShape.of(nodeSchema)) : null;
                nodeSchema = ListShape.of(nodeSchema).elements();
            }
        }
        if (node == null || path.isEmpty()) {
            return;
        }
        String last = path.get(path.size() - 1);
        if (PathElements.isField(last) && node instanceof ObjectNode object) {
            object.remove(PathElements.fieldName(last));
        } else if (node instanceof ArrayNode array && !ListShape.of(nodeSchema).atomic()) {
            ListShape shape = ListShape.of(nodeSchema);
            for (int i = array.size() - 1; i >= 0; i--) {
                if (shape.elementOf(array.get(i)).equals(last)) {
                    array.remove(i);
                }
            }
        }
    }

    private static JsonNode find(JsonNode list, String element, ListShape shape) {
        if (shape.atomic()) {
            return null;
        }
        for (JsonNode item : list) {
            if (shape.elementOf(item).equals(element)) {
                return item;
            }
        }
        return null;
    }
}
