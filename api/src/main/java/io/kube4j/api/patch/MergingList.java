package io.kube4j.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The list half of {@link StrategicMergePatch}: merging, element directives and ordering. */
final class MergingList {

    private MergingList() {
    }

    /** Merges a patch list into the current list (null when absent) according to the field's strategy. */
    static ArrayNode merge(ArrayNode current, ArrayNode patch, PatchMeta meta) {
        if (current == null || !meta.mergeList()) {
            return fresh(patch, meta);
        }
        if (current.isEmpty() && patch.isEmpty()) {
            return current.deepCopy();
        }
        return objectElements(current, patch) ? mergeObjects(current, patch, meta) : mergeScalars(current, patch);
    }

    /** A list taken from the patch as it is, minus directive elements and directives inside elements. */
    private static ArrayNode fresh(ArrayNode patch, PatchMeta meta) {
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (JsonNode element : patch) {
            if (!element.isObject()) {
                result.add(element.deepCopy());
            } else if (!element.has(StrategicMergePatch.PATCH)) {
                result.add(StrategicMergePatch.mergeObject(null, (ObjectNode) element, meta.valueSchema()));
            }
        }
        return result;
    }

    private static ArrayNode mergeScalars(ArrayNode current, ArrayNode patch) {
        List<JsonNode> union = new ArrayList<>();
        ElementOrder order = new ElementOrder(Function.identity());
        for (JsonNode element : concat(current, patch)) {
            if (order.indexOf(union, element) < 0) {
                union.add(element.deepCopy());
            }
        }
        return toArray(order.apply(union, list(patch), list(current)));
    }

    private static ArrayNode mergeObjects(ArrayNode current, ArrayNode patch, PatchMeta meta) {
        String mergeKey = meta.mergeKey();
        if (mergeKey == null) {
            throw PatchException.unprocessable("cannot merge lists without merge key for " + meta.fieldName());
        }
        List<JsonNode> remaining = new ArrayList<>(list(current));
        List<JsonNode> plainElements = new ArrayList<>();
        boolean replace = false;
        for (JsonNode element : patch) {
            JsonNode directive = element.get(StrategicMergePatch.PATCH);
            if (directive == null) {
                plainElements.add(element);
                continue;
            }
            switch (directive.asText()) {
                case "delete" -> {
                    JsonNode key = keyOf(element, mergeKey);
                    remaining.removeIf(existing -> JsonValues.equal(key, existing.get(mergeKey)));
                }
                case "replace" -> replace = true;
                case "merge" -> throw PatchException.unprocessable("merging lists cannot yet be specified in the patch");
                default -> throw PatchException.unprocessable("unknown patch type: " + directive.asText()
                        + " in map: " + GoFormat.value(element));
            }
        }
        ElementOrder order = new ElementOrder(element -> keyOf(element, mergeKey));
        if (replace) {
            List<JsonNode> replacement = list(fresh(toArray(plainElements), meta));
            return toArray(order.apply(replacement, List.of(), replacement));
        }
        List<JsonNode> merged = new ArrayList<>(remaining);
        for (JsonNode element : plainElements) {
            int index = order.indexOf(merged, element);
            ObjectNode base = index < 0 ? null : (ObjectNode) merged.get(index);
            ObjectNode result = StrategicMergePatch.mergeObject(base, (ObjectNode) element, meta.valueSchema());
            if (index < 0) {
                merged.add(result);
            } else {
                merged.set(index, result);
            }
        }
        return toArray(order.apply(merged, plainElements, remaining));
    }

    /** The list ordered by a {@code $setElementOrder} list, server-only elements kept at their live place. */
    static ArrayNode ordered(ArrayNode merged, ArrayNode order, ArrayNode live, String mergeKey) {
        Function<JsonNode, JsonNode> identity = mergeKey == null || !objectElements(merged, order)
                ? Function.identity()
                : element -> keyOf(element, mergeKey);
        List<JsonNode> liveElements = live == null ? List.of() : list(live);
        return toArray(new ElementOrder(identity).apply(list(merged), list(order), liveElements));
    }

    /**
     * Checks that the patch list names its elements in the same relative order as the
     * {@code $setElementOrder} list and names no element the order list lacks.
     */
    static void validateAgainstOrder(ArrayNode patch, ArrayNode order, String mergeKey) {
        if (patch == null || patch.isEmpty() || order.isEmpty()) {
            return;
        }
        // Deleted elements need not be in the order list.
        List<JsonNode> named = list(patch).stream()
                .filter(element -> !"delete".equals(element.path(StrategicMergePatch.PATCH).asText()))
                .toList();
        int patchIndex = 0;
        int orderIndex = 0;
        while (patchIndex < named.size() && orderIndex < order.size()) {
            JsonNode element = named.get(patchIndex);
            if (element.has(StrategicMergePatch.PATCH)) {
                patchIndex++;
                continue;
            }
            JsonNode ordered = order.get(orderIndex);
            boolean same = mergeKey == null
                    ? JsonValues.equal(element, ordered)
                    : JsonValues.equal(keyOf(element, mergeKey), keyOf(ordered, mergeKey));
            if (same) {
                patchIndex++;
            }
            orderIndex++;
        }
        if (patchIndex < named.size()) {
            throw PatchException.unprocessable("The order in patch list:\n" + GoFormat.value(patch)
                    + "\n doesn't match " + StrategicMergePatch.SET_ELEMENT_ORDER + " list:\n"
                    + GoFormat.value(order) + "\n");
        }
    }

    /** The list without the values of {@code $deleteFromPrimitiveList}. */
    static ArrayNode without(ArrayNode current, ArrayNode toDelete) {
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (JsonNode element : current) {
            boolean deleted = false;
            for (JsonNode candidate : toDelete) {
                deleted |= JsonValues.equal(element, candidate);
            }
            if (!deleted) {
                result.add(element.deepCopy());
            }
        }
        return result;
    }

    private static JsonNode keyOf(JsonNode element, String mergeKey) {
        JsonNode key = element.isObject() ? element.get(mergeKey) : null;
        if (key == null) {
            throw PatchException.unprocessable("map: " + GoFormat.value(element)
                    + " does not contain declared merge key: " + mergeKey);
        }
        return key;
    }

    /** Whether the elements are objects; all elements of both lists must be of one kind. */
    private static boolean objectElements(ArrayNode first, ArrayNode second) {
        String kind = null;
        for (JsonNode element : concat(first, second)) {
            if (element.isArray()) {
                throw PatchException.unprocessable("lists of lists are not supported");
            }
            String elementKind = JsonValues.goKind(element);
            if (kind != null && !kind.equals(elementKind)) {
                throw PatchException.unprocessable("list element types are not identical: ["
                        + GoFormat.value(first) + " " + GoFormat.value(second) + "]");
            }
            kind = elementKind;
        }
        return "object".equals(kind);
    }

    private static List<JsonNode> concat(ArrayNode first, ArrayNode second) {
        List<JsonNode> all = new ArrayList<>(list(first));
        all.addAll(list(second));
        return all;
    }

    private static List<JsonNode> list(ArrayNode array) {
        List<JsonNode> elements = new ArrayList<>(array.size());
        array.forEach(elements::add);
        return elements;
    }

    private static ArrayNode toArray(List<JsonNode> elements) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        elements.forEach(element -> array.add(element.deepCopy()));
        return array;
    }
}
