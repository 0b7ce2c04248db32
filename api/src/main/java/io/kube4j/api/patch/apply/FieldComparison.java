package io.kube4j.api.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.api.patch.JsonValues;
import io.kube4j.api.patch.SchemaPaths;
import io.kube4j.api.schema.TypeSchema;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The field paths that differ between two versions of an object: added, modified (leaves whose value
 * changed) and removed. Besides leaves, a map, a non-atomic list or a list element that appears or
 * disappears as a whole is itself added or removed; object fields with a declared structure are not,
 * since upstream compares against a typed empty object where they always exist.
 */
record FieldComparison(FieldSet added, FieldSet modified, FieldSet removed) {

    static FieldComparison between(JsonNode before, JsonNode after, TypeSchema schema) {
        Walker walker = new Walker();
        walker.compareObjects(before, after, schema, List.of());
        return new FieldComparison(OwnedFields.withoutIdentityFields(FieldSet.of(walker.added)),
                OwnedFields.withoutIdentityFields(FieldSet.of(walker.modified)),
                OwnedFields.withoutIdentityFields(FieldSet.of(walker.removed)));
    }

    FieldSet addedOrModified() {
        return added.union(modified);
    }

    private static final class Walker {
        private final Set<List<String>> added = new LinkedHashSet<>();
        private final Set<List<String>> modified = new LinkedHashSet<>();
        private final Set<List<String>> removed = new LinkedHashSet<>();

        /** Compares two values (either may be null for absent) of the field at {@code path}. */
        void compare(JsonNode before, JsonNode after, TypeSchema schema, List<String> path, boolean listItem) {
            boolean emptyBoth = isEmptyOrAbsent(before) && isEmptyOrAbsent(after);
            if (!emptyBoth && isObjectOrAbsent(before) && isObjectOrAbsent(after)) {
                compareObjects(before, after, schema, path);
                boolean structured = schema != null && schema.type() == TypeSchema.Type.OBJECT && !listItem;
                recordPresence(before, after, path, !structured);
            } else if (!emptyBoth && isArrayOrAbsent(before) && isArrayOrAbsent(after)
                    && !ListShape.of(schema).atomic()) {
                compareLists(before, after, ListShape.of(schema), path);
                recordPresence(before, after, path, true);
            } else if (before == null) {
                added.add(path);
            } else if (after == null) {
                removed.add(path);
            } else if (!JsonValues.equal(before, after)) {
                modified.add(path);
            }
        }

        private void recordPresence(JsonNode before, JsonNode after, List<String> path, boolean tracked) {
            if (!tracked) {
                return;
            }
            if (before == null) {
                added.add(path);
            } else if (after == null) {
                removed.add(path);
            }
        }

        void compareObjects(JsonNode before, JsonNode after, TypeSchema schema, List<String> path) {
            Set<String> keys = new LinkedHashSet<>();
            if (before != null) {
                before.fieldNames().forEachRemaining(keys::add);
            }
            if (after != null) {
                after.fieldNames().forEachRemaining(keys::add);
            }
            for (String key : keys) {
                compare(before == null ? null : before.get(key), after == null ? null : after.get(key),
                        SchemaPaths.child(schema, key), OwnedFields.append(path, PathElements.field(key)), false);
            }
        }

        private void compareLists(JsonNode before, JsonNode after, ListShape shape, List<String> path) {
            Map<String, JsonNode> beforeItems = index(before, shape);
            Map<String, JsonNode> afterItems = index(after, shape);
            Set<String> elements = new LinkedHashSet<>(beforeItems.keySet());
            elements.addAll(afterItems.keySet());
            for (String element : elements) {
                compare(beforeItems.get(element), afterItems.get(element), shape.elements(),
                        OwnedFields.append(path, element), true);
            }
        }

        private static Map<String, JsonNode> index(JsonNode list, ListShape shape) {
            Map<String, JsonNode> items = new LinkedHashMap<>();
            if (list != null) {
                list.forEach(item -> items.put(shape.elementOf(item), item));
            }
            return items;
        }

        private static boolean isEmptyOrAbsent(JsonNode value) {
            return value == null || (value.isContainerNode() && value.isEmpty());
        }

        private static boolean isObjectOrAbsent(JsonNode value) {
            return value == null || value.isObject();
        }

        private static boolean isArrayOrAbsent(JsonNode value) {
            return value == null || value.isArray();
        }
    }
}
