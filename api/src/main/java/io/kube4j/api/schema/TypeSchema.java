package io.kube4j.api.schema;

import java.util.Set;

/**
 * The shape of one node of a kind's schema, with the patch metadata that drives strategic merge
 * patch ({@code x-kubernetes-patch-strategy}, {@code x-kubernetes-patch-merge-key}). Immutable and
 * shared; a recursive type (e.g. JSONSchemaProps) may return itself from {@link #property}.
 */
public interface TypeSchema {

    enum Type { OBJECT, ARRAY, MAP, STRING, INTEGER, NUMBER, BOOLEAN, INT_OR_STRING, QUANTITY, ANY }

    Type type();

    /** The schema of an OBJECT's property, or null if the object has no such property. */
    TypeSchema property(String name);

    /** The property names of an OBJECT, empty for other types. */
    Set<String> propertyNames();

    /** The items of an ARRAY or the values of a MAP; null for other types. */
    TypeSchema elements();

    /**
     * The patch strategy of this field as declared upstream: {@code "merge"}, {@code "retainKeys"},
     * {@code "merge,retainKeys"}, or null (lists are then replaced as a whole).
     */
    String patchStrategy();

    /** The key that identifies the elements of a merged list of objects, or null. */
    String patchMergeKey();
}
