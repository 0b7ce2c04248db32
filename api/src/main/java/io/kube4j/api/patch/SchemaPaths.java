package io.kube4j.api.patch;

import io.kube4j.api.schema.TypeSchema;

/** Navigation of a {@link TypeSchema} by field name, tolerant of missing schemas. */
public final class SchemaPaths {

    private SchemaPaths() {
    }

    /** The schema of a property of an object or of an entry of a map; null when unknown. */
    public static TypeSchema child(TypeSchema parent, String name) {
        if (parent == null) {
            return null;
        }
        return switch (parent.type()) {
            case OBJECT -> parent.property(name);
            case MAP -> parent.elements();
            default -> null;
        };
    }

    /** Whether a field's patch strategy (e.g. {@code "merge,retainKeys"}) includes {@code strategy}. */
    public static boolean hasStrategy(TypeSchema field, String strategy) {
        if (field == null || field.patchStrategy() == null) {
            return false;
        }
        for (String declared : field.patchStrategy().split(",")) {
            if (declared.trim().equals(strategy)) {
                return true;
            }
        }
        return false;
    }
}
