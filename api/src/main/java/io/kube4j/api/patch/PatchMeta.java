package io.kube4j.api.patch;

import io.kube4j.api.schema.TypeSchema;

import java.util.Arrays;

/**
 * The strategic-merge metadata of one field: its patch strategies and merge key, and the schema of
 * its value (for a list: of its elements). A field without a schema has no strategy, so it behaves as
 * in a JSON merge patch.
 */
record PatchMeta(String fieldName, TypeSchema valueSchema, boolean mergeList, boolean replaceMap,
                 String mergeKey) {

    /** The metadata of field {@code name} of an object (or entry of a map) described by {@code parent}. */
    static PatchMeta of(TypeSchema parent, String name) {
        TypeSchema field = childSchema(parent, name);
        if (field == null) {
            return new PatchMeta(name, null, false, false, null);
        }
        String strategy = field.patchStrategy() == null ? "" : field.patchStrategy();
        boolean merge = Arrays.asList(strategy.split(",")).contains("merge");
        boolean replace = Arrays.asList(strategy.split(",")).contains("replace");
        TypeSchema value = field.type() == TypeSchema.Type.ARRAY ? field.elements() : field;
        return new PatchMeta(name, value, merge, replace, field.patchMergeKey());
    }

    /** The schema of a property of an object or of an entry of a map; null when unknown. */
    static TypeSchema childSchema(TypeSchema parent, String name) {
        if (parent == null) {
            return null;
        }
        return switch (parent.type()) {
            case OBJECT -> parent.property(name);
            case MAP -> parent.elements();
            default -> null;
        };
    }
}
