package io.kube4j.api.patch;

import io.kube4j.api.schema.TypeSchema;

/**
 * The strategic-merge metadata of one field: its patch strategies and merge key, and the schema of
 * its value (for a list: of its elements). A field without a schema has no strategy, so it behaves as
 * in a JSON merge patch.
 */
record PatchMeta(String fieldName, TypeSchema valueSchema, boolean mergeList, boolean replaceMap,
                 String mergeKey) {

    /** The metadata of field {@code name} of an object (or entry of a map) described by {@code parent}. */
    static PatchMeta of(TypeSchema parent, String name) {
        TypeSchema field = SchemaPaths.child(parent, name);
        if (field == null) {
            return new PatchMeta(name, null, false, false, null);
        }
        TypeSchema value = field.type() == TypeSchema.Type.ARRAY ? field.elements() : field;
        return new PatchMeta(name, value, SchemaPaths.hasStrategy(field, "merge"),
                SchemaPaths.hasStrategy(field, "replace"), field.patchMergeKey());
    }
}
