package io.kube4j.api.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kube4j.api.schema.TypeSchema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge patch ({@code application/strategic-merge-patch+json}) as the apiserver applies it,
 * driven by the patch strategy and merge key of each field:
 * <ul>
 *   <li>objects are merged key by key and {@code null} deletes a key;</li>
 *   <li>lists with strategy {@code merge} and a merge key are merged element by element, lists of
 *       scalars with strategy {@code merge} are unioned, every other list is replaced;</li>
 *   <li>directives: {@code $patch: replace|delete} in an object or a list element (and {@code merge},
 *       the default, in an object), {@code $setElementOrder/<list>}, {@code $retainKeys} and
 *       {@code $deleteFromPrimitiveList/<list>}.</li>
 * </ul>
 * Where the schema is null the subtree is merged like a JSON merge patch. Directives never reach the
 * result, also inside values the target did not have.
 *
 * <p>Known differences from upstream: a value the target lacks is cleaned of directives by merging it
 * into an empty value (upstream drops a whole added object that carries {@code $patch}); and a list
 * reordered by {@code $setElementOrder} keeps the live order of server-only elements relative to the
 * live list as it was before the patch.
 */
public final class StrategicMergePatch {

    static final String PATCH = "$patch";
    static final String RETAIN_KEYS = "$retainKeys";
    static final String SET_ELEMENT_ORDER = "$setElementOrder";
    static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";

    private StrategicMergePatch() {
    }

    /**
     * Applies {@code patch} (a JSON object) to a copy of {@code target} (an object, or null for none).
     *
     * @param schema the schema of the target's kind, or null to merge without strategies
     * @throws PatchException 400 for a malformed directive, 422 for a patch that cannot be applied
     */
    public static ObjectNode apply(JsonNode target, JsonNode patch, TypeSchema schema) {
        if (!patch.isObject()) {
            throw PatchException.malformed("json: cannot unmarshal " + JsonValues.goKind(patch)
                    + " into Go value of type map[string]interface {}");
        }
        ObjectNode original = target != null && target.isObject() ? (ObjectNode) target : null;
        ObjectNode result = mergeObject(original, (ObjectNode) patch, schema);
        return result == null ? JsonNodeFactory.instance.objectNode() : result;
    }

    /** Merges an object patch into an object (null when absent); null means "remove the field". */
    static ObjectNode mergeObject(ObjectNode original, ObjectNode patch, TypeSchema schema) {
        JsonNode directive = patch.get(PATCH);
        if (directive != null) {
            switch (directive.asText()) {
                case "replace" -> {
                    ObjectNode withoutDirective = patch.deepCopy();
                    withoutDirective.remove(PATCH);
                    return mergeObject(null, withoutDirective, schema);
                }
                case "delete" -> {
                    return original == null ? null : JsonNodeFactory.instance.objectNode();
                }
                case "merge" -> {
                    // the default behaviour, carried on below
                }
                default -> throw PatchException.unprocessable("unknown patch type: " + directive.asText()
                        + " in map: " + GoFormat.value(patch));
            }
        }
        ObjectNode result = original == null ? JsonNodeFactory.instance.objectNode() : original.deepCopy();
        Map<String, JsonNode> pending = new LinkedHashMap<>();
        patch.properties().forEach(field -> pending.put(field.getKey(), field.getValue()));
        pending.remove(PATCH);
        applyRetainKeys(result, pending);
        applySetElementOrders(result, pending, schema);
        for (Map.Entry<String, JsonNode> field : pending.entrySet()) {
            mergeField(result, field.getKey(), field.getValue(), schema);
        }
        return result;
    }

    private static void mergeField(ObjectNode result, String key, JsonNode patchValue, TypeSchema schema) {
        if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
            String listName = directiveTarget(key, DELETE_FROM_PRIMITIVE_LIST, "invalid patch format of primitive list");
            JsonNode current = result.get(listName);
            if (current != null && current.isArray()) {
                if (!patchValue.isArray()) {
                    throw PatchException.malformed("invalid patch format of primitive list");
                }
                result.set(listName, MergingList.without((ArrayNode) current, (ArrayNode) patchValue));
            }
            return;
        }
        if (patchValue.isNull()) {
            result.remove(key);
            return;
        }
        JsonNode merged = mergeValue(result.get(key), patchValue, PatchMeta.of(schema, key));
        if (merged == null) {
            result.remove(key);
        } else {
            result.set(key, merged);
        }
    }

    /** The merge of one field's patch value into its current value (null when absent). */
    private static JsonNode mergeValue(JsonNode current, JsonNode patchValue, PatchMeta meta) {
        if (patchValue.isObject()) {
            boolean mergeable = current != null && current.isObject() && !meta.replaceMap();
            return mergeObject(mergeable ? (ObjectNode) current : null, (ObjectNode) patchValue, meta.valueSchema());
        }
        if (patchValue.isArray()) {
            ArrayNode currentList = current != null && current.isArray() ? (ArrayNode) current : null;
            return MergingList.merge(currentList, (ArrayNode) patchValue, meta);
        }
        return patchValue.deepCopy();
    }

    /**
     * {@code $retainKeys: [..]} clears every key of the target not listed; the patch itself may only set
     * listed keys.
     */
    private static void applyRetainKeys(ObjectNode result, Map<String, JsonNode> pending) {
        JsonNode retain = pending.remove(RETAIN_KEYS);
        if (retain == null) {
            return;
        }
        if (!retain.isArray()) {
            throw PatchException.malformed("invalid patch format of retainKeys");
        }
        Set<String> kept = new HashSet<>();
        retain.forEach(key -> kept.add(key.asText()));
        for (Map.Entry<String, JsonNode> field : pending.entrySet()) {
            boolean directive = field.getKey().startsWith(DELETE_FROM_PRIMITIVE_LIST)
                    || field.getKey().startsWith(SET_ELEMENT_ORDER);
            if (!field.getValue().isNull() && !directive && !kept.contains(field.getKey())) {
                throw PatchException.malformed("invalid patch format of retainKeys");
            }
        }
        List<String> present = new ArrayList<>();
        result.fieldNames().forEachRemaining(present::add);
        present.stream().filter(key -> !kept.contains(key)).forEach(result::remove);
    }

    /**
     * Each {@code $setElementOrder/<list>} merges {@code <list>} (if the patch has it) and then orders
     * the result: the listed elements in the given order, server-only elements at their live place.
     */
    private static void applySetElementOrders(ObjectNode result, Map<String, JsonNode> pending, TypeSchema schema) {
        List<String> directives = pending.keySet().stream().filter(key -> key.startsWith(SET_ELEMENT_ORDER)).toList();
        for (String directive : directives) {
            JsonNode order = pending.remove(directive);
            String listName = directiveTarget(directive, SET_ELEMENT_ORDER, "invalid patch format of setElementOrder list");
            if (!order.isArray()) {
                throw PatchException.malformed("invalid patch format of setElementOrder list");
            }
            JsonNode current = result.get(listName);
            JsonNode patchList = pending.remove(listName);
            requireListOrAbsent(current);
            requireListOrAbsent(patchList);
            if (current == null && patchList == null) {
                continue;
            }
            PatchMeta meta = PatchMeta.of(schema, listName);
            MergingList.validateAgainstOrder((ArrayNode) patchList, (ArrayNode) order, meta.mergeKey());
            ArrayNode merged = patchList == null
                    ? ((ArrayNode) current).deepCopy()
                    : MergingList.merge((ArrayNode) current, (ArrayNode) patchList, meta);
            result.set(listName, MergingList.ordered(merged, (ArrayNode) order, (ArrayNode) current, meta.mergeKey()));
        }
    }

    private static void requireListOrAbsent(JsonNode value) {
        if (value != null && !value.isArray()) {
            throw PatchException.unprocessable("expected a []interface {}, but received a "
                    + JsonValues.goKind(value));
        }
    }

    /** The field a directive key such as {@code $setElementOrder/containers} names. */
    private static String directiveTarget(String key, String prefix, String malformedMessage) {
        int slash = key.indexOf('/');
        if (slash < 0 || !key.substring(0, slash).equals(prefix)) {
            throw PatchException.malformed(malformedMessage);
        }
        return key.substring(slash + 1);
    }
}
