package io.kube4j.api.patch.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.kube4j.api.patch.PatchException;
import io.kube4j.api.patch.SchemaPaths;
import io.kube4j.api.schema.TypeSchema;

import java.util.EnumSet;
import java.util.Set;

/**
 * How server-side apply treats a list, derived from its strategic-merge metadata: a merged list with a
 * merge key is associative (elements owned one by one, identified by the key), a merged list of
 * scalars is a set, and every other list is atomic (owned and replaced as a whole).
 */
record ListShape(Kind kind, String mergeKey, TypeSchema elements) {

    enum Kind { ATOMIC, ASSOCIATIVE, SET }

    private static final Set<TypeSchema.Type> SCALARS = EnumSet.of(TypeSchema.Type.STRING, TypeSchema.Type.INTEGER,
            TypeSchema.Type.NUMBER, TypeSchema.Type.BOOLEAN, TypeSchema.Type.INT_OR_STRING, TypeSchema.Type.QUANTITY);

    static ListShape of(TypeSchema list) {
        if (list == null || list.type() != TypeSchema.Type.ARRAY || !SchemaPaths.hasStrategy(list, "merge")) {
            return new ListShape(Kind.ATOMIC, null, null);
        }
        if (list.patchMergeKey() != null) {
            return new ListShape(Kind.ASSOCIATIVE, list.patchMergeKey(), list.elements());
        }
        boolean scalars = list.elements() != null && SCALARS.contains(list.elements().type());
        return new ListShape(scalars ? Kind.SET : Kind.ATOMIC, null, list.elements());
    }

    boolean atomic() {
        return kind == Kind.ATOMIC;
    }

    /** The path element that identifies {@code item} in this (non-atomic) list. */
    String elementOf(JsonNode item) {
        if (kind == Kind.SET) {
            return PathElements.value(item);
        }
        JsonNode key = item.get(mergeKey);
        if (key == null || key.isNull()) {
            throw PatchException.unprocessable("associative list with keys has an element that omits key field \""
                    + mergeKey + "\" (and doesn't have default value)");
        }
        return PathElements.key(mergeKey, key);
    }
}
